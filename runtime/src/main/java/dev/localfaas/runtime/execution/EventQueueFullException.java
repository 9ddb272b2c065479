package dev.localfaas.runtime.execution;

/** An asynchronous event was refused because the queue of events waiting or running is full. */
public final class EventQueueFullException extends RuntimeException {

    public EventQueueFullException(String function, int capacity) {
        super("the asynchronous event queue is full (" + capacity + " events accepted and not yet done); the event for "
                + function + " was not accepted, retry later or invoke it with RequestResponse");
    }
}
