package dev.localfaas.runtime.isolation;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Attributes what handlers print on {@code System.out} and {@code System.err} to their invocation: both streams
 * are replaced once by streams that write to the current thread's {@link LogWriter} when it has one (threads a
 * handler starts inherit it), and to the original stream otherwise.
 */
public final class OutputRouter {

    private static final InheritableThreadLocal<LogWriter> CURRENT = new InheritableThreadLocal<>();
    private static volatile PrintStream originalOut;
    private static volatile PrintStream originalErr;

    private OutputRouter() {
    }

    /** Replaces System.out and System.err once; later calls do nothing. */
    public static synchronized void install() {
        if (originalOut != null) {
            return;
        }
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(new Routing(originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Routing(originalErr), true, StandardCharsets.UTF_8));
    }

    /** The process's real stdout, for the runtime's own output while handlers print. */
    public static PrintStream stdout() {
        return originalOut != null ? originalOut : System.out;
    }

    /** The process's real stderr. */
    public static PrintStream stderr() {
        return originalErr != null ? originalErr : System.err;
    }

    public static LogWriter enter(LogWriter writer) {
        LogWriter previous = CURRENT.get();
        CURRENT.set(writer);
        return previous;
    }

    public static void restore(LogWriter previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    private static final class Routing extends OutputStream {
        private final PrintStream fallback;

        Routing(PrintStream fallback) {
            this.fallback = fallback;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            LogWriter writer = CURRENT.get();
            if (writer == null) {
                fallback.write(b, off, len);
            } else {
                byte[] copy = new byte[len];
                System.arraycopy(b, off, copy, 0, len);
                writer.write(copy);
            }
        }

        @Override
        public void flush() {
            fallback.flush();
        }
    }
}
