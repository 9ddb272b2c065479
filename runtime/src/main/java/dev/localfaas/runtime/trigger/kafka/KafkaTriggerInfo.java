package dev.localfaas.runtime.trigger.kafka;

import java.util.List;

/**
 * A running Kafka trigger as the admin API and {@code faas run} show it.
 *
 * @param partitions        the partitions this instance owns now, as {@code topic-partition}
 * @param batches           batches delivered successfully
 * @param records           records in them
 * @param filtered          records dropped by the filter criteria
 * @param failedInvocations invocations that failed (each retry counts)
 * @param skipped           records skipped after their retries
 * @param sentToDestination records whose batch record reached the on-failure destination
 */
public record KafkaTriggerInfo(String function, String eventSource, List<String> topics, String bootstrapServers,
                               String consumerGroup, List<String> partitions, long batches, long records, long filtered,
                               long failedInvocations, long skipped, long sentToDestination) {
    public KafkaTriggerInfo {
        topics = List.copyOf(topics);
        partitions = List.copyOf(partitions);
    }
}
