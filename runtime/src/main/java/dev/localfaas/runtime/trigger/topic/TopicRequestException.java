package dev.localfaas.runtime.trigger.topic;

/** A publish or subscribe request that SNS would refuse; the message is one line saying what to change. */
public final class TopicRequestException extends RuntimeException {
    public TopicRequestException(String message) {
        super(message);
    }
}
