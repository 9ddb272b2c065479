package dev.localfaas.runtime.trigger.queue;

import dev.localfaas.runtime.execution.RuntimeConfig;
import java.time.Duration;

/**
 * How queue consumers behave beyond what each {@code @QueueTrigger} says.
 *
 * @param region             the {@code awsRegion} of events and the region in queue ARNs
 * @param accountId          the account id in queue ARNs
 * @param defaultConcurrency batches in flight at once for a function without reserved concurrency (Lambda starts
 *                           an SQS mapping with 5 pollers)
 * @param longPoll           how long an idle poller waits for a message before looking again (stopping waits for
 *                           no more than this)
 */
public record QueueSettings(String region, String accountId, int defaultConcurrency, Duration longPoll) {

    public static final QueueSettings DEFAULTS = new QueueSettings(RuntimeConfig.DEFAULT_REGION,
            RuntimeConfig.DEFAULT_ACCOUNT, 5, Duration.ofSeconds(1));

    public QueueSettings {
        if (defaultConcurrency < 1) {
            throw new IllegalArgumentException("defaultConcurrency must be at least 1");
        }
    }

    /** The engine's region and account, with the default pollers. */
    public static QueueSettings from(RuntimeConfig config) {
        return new QueueSettings(config.region(), config.accountId(), DEFAULTS.defaultConcurrency(), DEFAULTS.longPoll());
    }

    public String queueArn(String queue) {
        return "arn:aws:sqs:" + region + ":" + accountId + ":" + queue;
    }

    public QueueSettings withRegion(String region) {
        return new QueueSettings(region, accountId, defaultConcurrency, longPoll);
    }
}
