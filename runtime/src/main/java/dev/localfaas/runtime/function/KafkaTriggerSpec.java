package dev.localfaas.runtime.function;

import java.util.List;

/**
 * A Kafka event source mapping of a function, as {@code @KafkaTrigger}, a template's {@code SelfManagedKafka} or
 * {@code MSK} event, or an {@code AWS::Lambda::EventSourceMapping} declares it. Plain values, checked by
 * {@code trigger.kafka.KafkaTriggerRules}.
 *
 * @param eventSource                 {@code SelfManagedKafka} or {@code aws:kafka} (MSK), as the event names it
 * @param clusterArn                  the MSK cluster's ARN ({@code eventSourceArn}), "" for self-managed Kafka
 * @param bootstrapServers            {@code host:port,...}; "" for the one {@code faas run --kafka} gives
 * @param topics                      the topics consumed (Lambda takes exactly one; localfaas takes several)
 * @param startingPosition            {@code TRIM_HORIZON}, {@code LATEST} or {@code AT_TIMESTAMP}
 * @param startingPositionTimestamp   epoch seconds for {@code AT_TIMESTAMP}, else 0
 * @param batchSize                   records per invocation at most (Lambda: 1 to 10000, default 100)
 * @param maximumBatchingWindowMillis how long records are gathered before a batch that is not full is sent
 * @param consumerGroupId             the consumer group; "" for {@code localfaas-<function>}
 * @param filters                     filter criteria patterns (JSON), a record passes when one matches
 * @param onFailure                   {@code queue:NAME} or {@code topic:NAME} for batches that exhausted their retries, ""
 * @param maximumRetryAttempts        retries of a failed batch, -1 for until it succeeds (Lambda's default)
 * @param maximumRecordAgeSeconds     records older than this are not retried, -1 for no limit
 * @param bisectBatchOnFunctionError  split a failed batch in two and retry each half
 * @param enabled                     false keeps the mapping declared but not consuming
 */
public record KafkaTriggerSpec(
        String eventSource,
        String clusterArn,
        String bootstrapServers,
        List<String> topics,
        String startingPosition,
        long startingPositionTimestamp,
        int batchSize,
        int maximumBatchingWindowMillis,
        String consumerGroupId,
        List<String> filters,
        String onFailure,
        int maximumRetryAttempts,
        int maximumRecordAgeSeconds,
        boolean bisectBatchOnFunctionError,
        boolean enabled) {

    public static final String SELF_MANAGED = "SelfManagedKafka";
    public static final String MSK = "aws:kafka";
    public static final int DEFAULT_BATCH_SIZE = 100;
    /** Lambda's default batching window for Kafka sources. */
    public static final int DEFAULT_BATCHING_WINDOW_MILLIS = 500;

    public KafkaTriggerSpec {
        topics = List.copyOf(topics);
        filters = List.copyOf(filters);
    }

    /** Self-managed Kafka on {@code topics} with Lambda's defaults. */
    public static KafkaTriggerSpec of(String bootstrapServers, String... topics) {
        return new KafkaTriggerSpec(SELF_MANAGED, "", bootstrapServers, List.of(topics), "TRIM_HORIZON", 0,
                DEFAULT_BATCH_SIZE, DEFAULT_BATCHING_WINDOW_MILLIS, "", List.of(), "", -1, -1, false, true);
    }

    public KafkaTriggerSpec withBatching(int size, int windowMillis) {
        return new KafkaTriggerSpec(eventSource, clusterArn, bootstrapServers, topics, startingPosition,
                startingPositionTimestamp, size, windowMillis, consumerGroupId, filters, onFailure, maximumRetryAttempts,
                maximumRecordAgeSeconds, bisectBatchOnFunctionError, enabled);
    }

    public KafkaTriggerSpec withRetries(int maximumRetryAttempts, boolean bisect, String onFailure) {
        return new KafkaTriggerSpec(eventSource, clusterArn, bootstrapServers, topics, startingPosition,
                startingPositionTimestamp, batchSize, maximumBatchingWindowMillis, consumerGroupId, filters, onFailure,
                maximumRetryAttempts, maximumRecordAgeSeconds, bisect, enabled);
    }

    public KafkaTriggerSpec withGroup(String group) {
        return new KafkaTriggerSpec(eventSource, clusterArn, bootstrapServers, topics, startingPosition,
                startingPositionTimestamp, batchSize, maximumBatchingWindowMillis, group, filters, onFailure,
                maximumRetryAttempts, maximumRecordAgeSeconds, bisectBatchOnFunctionError, enabled);
    }

    public KafkaTriggerSpec withFilters(List<String> patterns) {
        return new KafkaTriggerSpec(eventSource, clusterArn, bootstrapServers, topics, startingPosition,
                startingPositionTimestamp, batchSize, maximumBatchingWindowMillis, consumerGroupId, patterns, onFailure,
                maximumRetryAttempts, maximumRecordAgeSeconds, bisectBatchOnFunctionError, enabled);
    }

    /** The consumer group: the declared one, else one per function, so that every instance of it shares the work. */
    public String groupFor(String function) {
        return consumerGroupId.isBlank() ? "localfaas-" + function : consumerGroupId;
    }
}
