package dev.localfaas.cli;

import dev.localfaas.runtime.function.FunctionSpec;
import java.io.PrintWriter;
import java.util.List;

/**
 * The live console of {@code faas run}: each log line of each invocation, as it is written, after the function's
 * name in a column wide enough for every name, so that interleaved invocations stay readable.
 */
final class InvocationLog {

    private final PrintWriter out;
    private volatile int width = 1;

    InvocationLog(PrintWriter out) {
        this.out = out;
    }

    void widen(List<FunctionSpec> functions) {
        width = Math.max(width, functions.stream().mapToInt(f -> f.name().length()).max().orElse(1));
    }

    void line(String function, String line) {
        String text = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        synchronized (out) {
            out.println(String.format("%-" + width + "s | %s", function, text));
            out.flush();
        }
    }
}
