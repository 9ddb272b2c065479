package dev.localfaas.runtime.trigger.queue;

/**
 * One running consumer, as the admin API shows it.
 *
 * @param maxConcurrentBatches batches it may have in flight at once
 * @param inFlightBatches      batches being handled now
 * @param batches              batches handed to the function since it started
 * @param failedMessages       messages left on the queue for a retry (function error, timeout, throttle, item failure)
 * @param deadLettered         messages it moved to the dead-letter queue
 */
public record ConsumerInfo(String function, String queue, int batchSize, int maxBatchingWindowSeconds,
                           int maxConcurrentBatches, int inFlightBatches, long batches, long deletedMessages,
                           long failedMessages, long deadLettered) {
}
