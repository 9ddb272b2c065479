package dev.localfaas.runtime.trigger.queue;

/**
 * How many messages a queue holds, as SQS's approximate counts: {@code visible} (ApproximateNumberOfMessages),
 * {@code inFlight} (received, not yet deleted or returned: ...NotVisible) and {@code delayed}.
 *
 * @param deadLetterQueue the dead-letter queue a trigger declared for it, or null
 * @param oldestSentAt    epoch ms when its oldest message was sent (CloudWatch's ApproximateAgeOfOldestMessage
 *                        counts from it), or 0 when it is empty
 */
public record QueueStats(String name, long visible, long inFlight, long delayed, String deadLetterQueue,
                         long oldestSentAt) {

    public QueueStats(String name, long visible, long inFlight, long delayed, String deadLetterQueue) {
        this(name, visible, inFlight, delayed, deadLetterQueue, 0);
    }

    public long total() {
        return visible + inFlight + delayed;
    }

    /** Seconds since the oldest message was sent, at {@code nowMillis}; 0 for an empty queue. */
    public long oldestAgeSeconds(long nowMillis) {
        return oldestSentAt == 0 ? 0 : Math.max(0, (nowMillis - oldestSentAt) / 1000);
    }
}
