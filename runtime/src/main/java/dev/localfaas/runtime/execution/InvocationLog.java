package dev.localfaas.runtime.execution;

import dev.localfaas.runtime.isolation.LogWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The log of one invocation: kept whole (for {@code X-Amz-Log-Result} and the result) and passed on line by line to
 * the {@link LogSink} as it is written. Once closed, late writes (a thread the handler left running) still reach
 * the sink line by line, attributed to the function, but no longer change this invocation's log.
 *
 * <p>One buffer holds the whole log; the line being written is its tail from {@code lineStart}, decoded once when its
 * newline arrives (so a character split across two writes is decoded whole). This runs on every invocation.
 */
final class InvocationLog implements LogWriter {

    private final String function;
    /** The invocation's request id; null for the log of what an environment prints between invocations. */
    private final String requestId;
    private final LogSink sink;
    private byte[] bytes = new byte[512];
    private int size;
    private int lineStart;
    private boolean closed;
    /** The size of the log when it closed; late text after it is passed on and then forgotten. */
    private int closedSize;
    /** Complete lines in the kept log. */
    private int lines;
    /** Lines that continue a multi-line record begun on the line before; null until there is one. */
    private List<Integer> continued;

    InvocationLog(String function, String requestId, LogSink sink) {
        this.function = function;
        this.requestId = requestId;
        this.sink = sink;
    }

    InvocationLog(String function, LogSink sink) {
        this(function, null, sink);
    }

    /** A log that is already closed: what an environment's threads print while no invocation of it runs. */
    static InvocationLog ofFunction(String function, LogSink sink) {
        InvocationLog log = new InvocationLog(function, sink);
        log.close();
        return log;
    }

    /** A writer that passes text and records to the log {@code target} names at the time of each write. */
    static LogWriter routedTo(Supplier<InvocationLog> target) {
        return new LogWriter() {
            @Override
            public void write(byte[] bytes) {
                target.get().write(bytes);
            }

            @Override
            public void record(byte[] message) {
                target.get().record(message);
            }
        };
    }

    /** A log for what the environment prints while none of its invocations runs, attributed to the function. */
    InvocationLog forFunction() {
        return ofFunction(function, sink);
    }

    @Override
    public synchronized void write(byte[] text) {
        int from = size;
        append(text);
        for (int i = from; i < size; i++) {
            if (bytes[i] == '\n') {
                emit(lineStart, i);
                lineStart = i + 1;
                if (!closed) {
                    lines++;
                }
            }
        }
        if (closed && lineStart == size) {
            size = closedSize;
            lineStart = closedSize;
        }
    }

    /** A line of the platform's own (START, END, REPORT); ends any unterminated handler text first. */
    synchronized void platform(String line) {
        if (lineStart < size) {
            write(new byte[] {'\n'});
        }
        if (closed || line.indexOf('\n') >= 0 || line.endsWith("\r")) {
            write((line + "\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        append(line.getBytes(StandardCharsets.UTF_8));
        append(new byte[] {'\n'});
        lineStart = size;
        lines++;
        sink.line(function, requestId, line); // the text we were given: no need to decode what we just encoded
    }

    /**
     * One log record: after any unterminated text (a record is never joined to it), on a line of its own; a record of
     * several lines is kept as one ({@link #continuedLines()}) and passed on whole ({@link LogSink#record}).
     */
    @Override
    public synchronized void record(byte[] message) {
        int body = message.length > 0 && message[message.length - 1] == '\n' ? message.length - 1 : message.length;
        int breaks = 0;
        for (int i = 0; i < body; i++) {
            if (message[i] == '\n') {
                breaks++;
            }
        }
        if (lineStart < size) {
            write(new byte[] {'\n'});
        }
        if (breaks == 0) {
            LogWriter.super.record(message); // one line: a line like any other
            return;
        }
        if (!closed) {
            append(Arrays.copyOf(message, body));
            append(new byte[] {'\n'});
            lineStart = size;
            if (continued == null) {
                continued = new ArrayList<>();
            }
            for (int k = 1; k <= breaks; k++) {
                continued.add(lines + k);
            }
            lines += breaks + 1;
        }
        sink.record(function, requestId, new String(message, 0, body, StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    /** The lines that continue the record of the line before (see {@link InvocationResult#continuedLines()}). */
    synchronized List<Integer> continuedLines() {
        return continued == null ? List.of() : List.copyOf(continued);
    }

    synchronized String text() {
        return new String(bytes, 0, closed ? closedSize : size, StandardCharsets.UTF_8);
    }

    synchronized void close() {
        if (closed) {
            return;
        }
        if (lineStart < size) {
            emit(lineStart, size);
            lineStart = size;
        }
        closed = true;
        closedSize = size;
    }

    private void append(byte[] text) {
        if (size + text.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + text.length));
        }
        System.arraycopy(text, 0, bytes, size, text.length);
        size += text.length;
    }

    /** Passes on the line in {@code [start, end)}, without a trailing carriage return. */
    private void emit(int start, int end) {
        int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
        sink.line(function, requestId, new String(bytes, start, stop - start, StandardCharsets.UTF_8));
    }
}
