package dev.localfaas.cli.event;

/** A sample event that cannot be made as asked: an unknown event or option, or a value of the wrong kind. */
public final class EventException extends RuntimeException {
    public EventException(String message) {
        super(message);
    }
}
