package dev.localfaas.runtime.function;

/** A queue trigger: the queue and its event source mapping settings, as {@code @QueueTrigger} declares them. */
public record QueueSpec(
        String queue,
        int batchSize,
        int maxBatchingWindowSeconds,
        int maxReceiveCount,
        String deadLetterQueue,
        int visibilityTimeoutSeconds) {
}
