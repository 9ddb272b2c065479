package dev.localfaas.runtime.trigger.queue.kafka;

import java.util.Optional;

/**
 * How queue names map to Kafka names: queue {@code orders} is topic {@code localfaas.queue.orders}, consumed by group
 * {@code localfaas.queue.orders}. SQS queue names (letters, digits, {@code -}, {@code _}, a {@code .fifo} suffix) are
 * all valid in Kafka names, so the mapping is one to one and reversible.
 */
final class QueueTopics {
    static final String PREFIX = "localfaas.queue.";

    private QueueTopics() {
    }

    static String topic(String queue) {
        return PREFIX + queue;
    }

    /** Every instance consuming a queue joins this one group, so they split its partitions. */
    static String group(String queue) {
        return PREFIX + queue;
    }

    /** The queue a topic holds, if it is one of ours. */
    static Optional<String> queueOf(String topic) {
        return topic.startsWith(PREFIX) && topic.length() > PREFIX.length()
                ? Optional.of(topic.substring(PREFIX.length())) : Optional.empty();
    }
}
