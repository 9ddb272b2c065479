package dev.localfaas.runtime.trigger.queue;

import java.time.Duration;
import java.util.Optional;

/**
 * One receive: up to {@code maxMessages} messages whose bodies together fit {@code maxBytes} (at least one message is
 * returned when any is visible), hidden for {@code visibilityTimeout}. With a redrive policy, a message already
 * received {@code maxReceiveCount} times is moved to the dead-letter queue instead of being returned, as SQS does.
 */
public record ReceiveRequest(String queue, int maxMessages, long maxBytes, Duration visibilityTimeout,
                             Optional<RedrivePolicy> redrivePolicy) {

    public ReceiveRequest {
        QueueNames.require(queue);
        if (maxMessages < 1) {
            throw new IllegalArgumentException("maxMessages must be at least 1");
        }
        if (visibilityTimeout.isNegative()) {
            throw new IllegalArgumentException("visibilityTimeout must not be negative");
        }
    }

    public static ReceiveRequest of(String queue, int maxMessages, Duration visibilityTimeout) {
        return new ReceiveRequest(queue, maxMessages, Long.MAX_VALUE, visibilityTimeout, Optional.empty());
    }

    public ReceiveRequest withRedrivePolicy(RedrivePolicy policy) {
        return new ReceiveRequest(queue, maxMessages, maxBytes, visibilityTimeout, Optional.of(policy));
    }
}
