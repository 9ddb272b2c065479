package dev.localfaas.runtime.isolation;

import java.util.Arrays;

/** Where an environment's log text goes: the current invocation's log. */
@FunctionalInterface
public interface LogWriter {

    /** Text as a process writes it to stdout or stderr: lines are made where the newlines are. */
    void write(byte[] bytes);

    /**
     * One log record, as AWS frames a {@code LambdaLogger.log} call: its own line, never joined to the text before or
     * after it, and one record however many lines it holds (CloudWatch keeps a multi-line message as one event).
     * A writer that keeps no records writes it as text ending in a newline.
     */
    default void record(byte[] message) {
        boolean ended = message.length > 0 && message[message.length - 1] == '\n';
        if (ended) {
            write(message);
        } else {
            byte[] line = Arrays.copyOf(message, message.length + 1);
            line[message.length] = '\n';
            write(line);
        }
    }
}
