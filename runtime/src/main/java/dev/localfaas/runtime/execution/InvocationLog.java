package dev.localfaas.runtime.execution;

import dev.localfaas.runtime.isolation.LogWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The log of one invocation: kept whole (for {@code X-Amz-Log-Result} and the result) and passed on line by line to
 * the {@link LogSink} as it is written. Once closed, late writes (a thread the handler left running) still reach
 * the sink, attributed to the function, but no longer change this invocation's log.
 */
final class InvocationLog implements LogWriter {

    private final String function;
    private final LogSink sink;
    private final ByteArrayOutputStream all = new ByteArrayOutputStream(256);
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream(128);
    private boolean closed;

    InvocationLog(String function, LogSink sink) {
        this.function = function;
        this.sink = sink;
    }

    @Override
    public synchronized void write(byte[] bytes) {
        if (closed) {
            sink.line(function, new String(bytes, StandardCharsets.UTF_8).stripTrailing());
            return;
        }
        all.writeBytes(bytes);
        for (byte b : bytes) {
            if (b == '\n') {
                emitPartial();
            } else {
                partial.write(b);
            }
        }
    }

    /** A line of the platform's own (START, END, REPORT); ends any unterminated handler text first. */
    synchronized void platform(String line) {
        if (partial.size() > 0) {
            write(new byte[] {'\n'});
        }
        write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    synchronized String text() {
        return all.toString(StandardCharsets.UTF_8);
    }

    synchronized void close() {
        if (partial.size() > 0) {
            emitPartial();
        }
        closed = true;
    }

    private void emitPartial() {
        String line = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        sink.line(function, line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
}
