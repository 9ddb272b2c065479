package dev.localfaas.runtime.trigger.queue;

/** A queue's redrive policy: after {@code maxReceiveCount} receives a message moves to {@code deadLetterQueue}. */
public record RedrivePolicy(String deadLetterQueue, int maxReceiveCount) {

    public RedrivePolicy {
        QueueNames.require(deadLetterQueue);
        if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
            throw new QueueRequestException("maxReceiveCount " + maxReceiveCount + " is out of range; use 1 to 1000");
        }
    }
}
