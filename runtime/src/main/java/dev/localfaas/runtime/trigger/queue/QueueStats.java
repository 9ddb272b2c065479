package dev.localfaas.runtime.trigger.queue;

/**
 * How many messages a queue holds, as SQS's approximate counts: {@code visible} (ApproximateNumberOfMessages),
 * {@code inFlight} (received, not yet deleted or returned: ...NotVisible) and {@code delayed}.
 *
 * @param deadLetterQueue the dead-letter queue a trigger declared for it, or null
 */
public record QueueStats(String name, long visible, long inFlight, long delayed, String deadLetterQueue) {

    public long total() {
        return visible + inFlight + delayed;
    }
}
