package dev.localfaas.runtime.trigger.kafka;

import java.time.Duration;

/**
 * How {@code faas run} runs its Kafka consumers.
 *
 * @param defaultServers the brokers of triggers that name none ({@code faas run --kafka}), "" for none
 * @param firstRetry     the wait before the first retry of a failed batch; it doubles up to {@code maxRetryWait}
 * @param maxRetryWait   the longest wait between retries
 * @param sessionTimeout how soon the group hands the partitions of a stopped or killed instance to the others
 * @param region         for the cluster and function ARNs of the on-failure record
 * @param account        ditto
 */
public record KafkaSettings(String defaultServers, Duration firstRetry, Duration maxRetryWait, Duration sessionTimeout,
                            String region, String account) {

    public static KafkaSettings defaults(String defaultServers, String region, String account) {
        return new KafkaSettings(defaultServers == null ? "" : defaultServers, Duration.ofMillis(500),
                Duration.ofSeconds(30), Duration.ofSeconds(10), region, account);
    }

    public KafkaSettings withRetryWaits(Duration first, Duration max) {
        return new KafkaSettings(defaultServers, first, max, sessionTimeout, region, account);
    }

    public KafkaSettings withSessionTimeout(Duration timeout) {
        return new KafkaSettings(defaultServers, firstRetry, maxRetryWait, timeout, region, account);
    }
}
