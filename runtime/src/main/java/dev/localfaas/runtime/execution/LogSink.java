package dev.localfaas.runtime.execution;

/**
 * Receives invocation logs line by line as they are written: START, what the handler printed or logged, END,
 * REPORT. {@code faas invoke} prints them on stderr; {@code faas run} prefixes them with the function's name. The
 * engine calls it from one writer thread, in batches, and calls {@link #flush()} after each batch.
 */
@FunctionalInterface
public interface LogSink {

    LogSink NONE = (function, line) -> { };

    void line(String function, String line);

    /**
     * A line of one invocation, with its request id (null for what an environment's threads print while none of its
     * invocations runs). The engine calls this one; a sink that does not need the id implements the other.
     */
    default void line(String function, String requestId, String line) {
        line(function, line);
    }

    /** The end of a batch: a sink that buffers writes it out now. */
    default void flush() {
    }
}
