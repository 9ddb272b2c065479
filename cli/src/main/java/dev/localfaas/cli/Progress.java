package dev.localfaas.cli;

import java.io.PrintWriter;
import java.util.Map;

/**
 * Shows that long work is going on. On a terminal a spinner turns after the text, with the seconds spent, redrawn in
 * place with a carriage return (no escape codes, so nothing stray reaches a log); anywhere else, one plain line when
 * the work starts and one when it ends. Work that may be quick ({@link #after}) shows nothing unless it lasts.
 */
final class Progress implements AutoCloseable {

    private static final String FRAMES = "|/-\\";

    private final PrintWriter err;
    private final String what;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean shown;
    private int width;

    private Progress(PrintWriter err, String what, boolean terminal, long delayMillis) {
        this.err = err;
        this.what = what;
        this.terminal = terminal;
        this.thread = new Thread(() -> show(delayMillis), "faas-progress");
        thread.setDaemon(true);
        thread.start();
    }

    /** Progress shown at once. */
    static Progress start(PrintWriter err, String what) {
        return new Progress(err, what, isTerminal(System.getenv()), 0);
    }

    /** Progress shown only if the work is still going after {@code delayMillis}. */
    static Progress after(long delayMillis, PrintWriter err, String what) {
        return new Progress(err, what, isTerminal(System.getenv()), delayMillis);
    }

    /**
     * A spinner on a terminal if the work lasts over {@code delayMillis}, and nothing elsewhere: for work whose end
     * the next output already shows (discovery, before the table of functions), so logs do not gain two lines.
     */
    static Progress onTerminalAfter(long delayMillis, PrintWriter err, String what) {
        boolean terminal = isTerminal(System.getenv());
        return new Progress(terminal ? err : new PrintWriter(java.io.Writer.nullWriter()), what, terminal, delayMillis);
    }

    /** Standard streams on a terminal that can redraw a line: not piped, not a dumb terminal. */
    static boolean isTerminal(Map<String, String> env) {
        return System.console() != null && !"dumb".equals(env.get("TERM"));
    }

    private void show(long delayMillis) {
        try {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            synchronized (this) {
                if (!running) {
                    return;
                }
                shown = true;
                if (!terminal) {
                    err.println("faas: " + what + "...");
                    err.flush();
                    return;
                }
            }
            for (int frame = 0; running; frame++) {
                draw("faas: " + what + " " + FRAMES.charAt(frame % FRAMES.length()) + " " + seconds() + " s");
                Thread.sleep(120); // the spinner's frame rate: nothing waits on it
            }
        } catch (InterruptedException e) {
            // stopped
        }
    }

    private synchronized void draw(String line) {
        if (!running) {
            return; // done() or close() has the line now
        }
        StringBuilder text = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < width; i++) {
            text.append(' ');
        }
        width = line.length();
        err.print(text);
        err.flush();
    }

    private String seconds() {
        return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9);
    }

    String elapsed() {
        return seconds() + " s";
    }

    /** Ends the progress with {@code line} (e.g. "built in 12.3 s"), when anything was shown. */
    void done(String line) {
        stop();
        if (!shown) {
            return;
        }
        synchronized (this) {
            if (terminal) {
                redraw("faas: " + line);
                err.println();
            } else {
                err.println("faas: " + line);
            }
            err.flush();
        }
    }

    private void redraw(String line) {
        StringBuilder text = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < width; i++) {
            text.append(' ');
        }
        err.print(text);
    }

    private void stop() {
        synchronized (this) {
            running = false;
        }
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the progress without a line: a spinner is wiped. */
    @Override
    public void close() {
        if (running) {
            stop();
            if (shown && terminal) {
                synchronized (this) {
                    redraw("");
                    err.print("\r");
                    err.flush();
                }
            }
        }
    }
}
