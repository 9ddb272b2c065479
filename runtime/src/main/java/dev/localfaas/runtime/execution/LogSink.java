package dev.localfaas.runtime.execution;

/**
 * Receives invocation logs line by line as they are written: START, what the handler printed or logged, END,
 * REPORT. {@code faas invoke} prints them on stderr; {@code faas run} prefixes them with the function's name.
 */
@FunctionalInterface
public interface LogSink {

    LogSink NONE = (function, line) -> { };

    void line(String function, String line);
}
