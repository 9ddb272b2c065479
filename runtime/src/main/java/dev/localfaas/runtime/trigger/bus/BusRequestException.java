package dev.localfaas.runtime.trigger.bus;

/** An event bus request EventBridge would refuse; the message is one line saying what to change. */
public final class BusRequestException extends RuntimeException {
    public BusRequestException(String message) {
        super(message);
    }
}
