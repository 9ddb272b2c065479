package dev.localfaas.runtime.trigger.topic;

/**
 * What {@code Publish} answers, and what happened at once: subscriptions whose filter matched (their copies are
 * stored on queues or handed to asynchronous invocation) and those that filtered the message out.
 *
 * @param sequenceNumber a FIFO topic's sequence number, null for a standard topic
 * @param duplicate      a FIFO message whose deduplication id was seen in the last 5 minutes: accepted, not delivered
 */
public record PublishResult(String messageId, String sequenceNumber, int matched, int filtered, boolean duplicate) {
}
