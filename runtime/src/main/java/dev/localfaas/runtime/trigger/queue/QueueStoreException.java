package dev.localfaas.runtime.trigger.queue;

/** The queue database failed (locked for too long, disk full, damaged while running); the message is one line. */
public final class QueueStoreException extends RuntimeException {
    public QueueStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
