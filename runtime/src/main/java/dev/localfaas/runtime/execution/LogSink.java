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

    /**
     * One log record of several lines (a multi-line {@code LambdaLogger.log} message, which Lambda keeps as one log
     * event): by default its lines one by one; a sink that renders records whole (JSON) overrides it.
     */
    default void record(String function, String requestId, String text) {
        text.lines().forEach(l -> line(function, requestId, l));
    }

    /** The end of a batch: a sink that buffers writes it out now. */
    default void flush() {
    }
}
