package dev.localfaas.cli;

import dev.localfaas.runtime.execution.LogSink;
import dev.localfaas.runtime.function.FunctionSpec;
import java.io.PrintWriter;
import java.util.List;

/**
 * The live console of {@code faas run}: each log line of each invocation, after the function's name in a column
 * wide enough for every name, so that interleaved invocations stay readable. The engine writes lines in batches
 * from its writer thread and flushes once per batch.
 */
final class InvocationLog implements LogSink {

    private static final String NEWLINE = System.lineSeparator();

    private final PrintWriter out;
    private volatile int width = 1;

    InvocationLog(PrintWriter out) {
        this.out = out;
    }

    void widen(List<FunctionSpec> functions) {
        width = Math.max(width, functions.stream().mapToInt(f -> f.name().length()).max().orElse(1));
    }

    @Override
    public void line(String function, String line) {
        int end = line.endsWith("\n") ? line.length() - 1 : line.length();
        // sized for the whole line with its separator: growing the builder was most of this method's cost
        StringBuilder text = new StringBuilder(Math.max(width, function.length()) + 3 + end + NEWLINE.length())
                .append(function);
        for (int pad = width - function.length(); pad > 0; pad--) {
            text.append(' ');
        }
        text.append(" | ").append(line, 0, end).append(NEWLINE);
        synchronized (out) {
            out.write(text.toString()); // not println: that would flush an auto-flushing writer line by line
        }
    }

    @Override
    public void flush() {
        synchronized (out) {
            out.flush();
        }
    }
}
