package dev.localfaas.runtime.trigger.queue;

/** A request the caller got wrong (bad queue name, empty or oversized body, bad delay); the message is one line. */
public final class QueueRequestException extends RuntimeException {
    public QueueRequestException(String message) {
        super(message);
    }
}
