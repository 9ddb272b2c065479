package dev.localfaas.cli;

import java.io.PrintWriter;
import java.util.Map;

/**
 * Shows that long work is going on. On a terminal a spinner turns after the text, with the seconds spent, redrawn in
 * place with a carriage return (no escape codes, so nothing stray reaches a log); anywhere else, one plain line when
 * the work starts and one when it ends.
 */
final class Progress implements AutoCloseable {

    private static final String FRAMES = "|/-\\";

    private final PrintWriter err;
    private final String what;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private final Thread spinner;
    private volatile boolean running = true;
    private int width;

    private Progress(PrintWriter err, String what, boolean terminal) {
        this.err = err;
        this.what = what;
        this.terminal = terminal;
        if (terminal) {
            spinner = new Thread(this::spin, "faas-progress");
            spinner.setDaemon(true);
            spinner.start();
        } else {
            spinner = null;
            err.println("faas: " + what + "...");
            err.flush();
        }
    }

    static Progress start(PrintWriter err, String what) {
        return new Progress(err, what, isTerminal(System.getenv()));
    }

    /** Standard streams on a terminal that can redraw a line: not piped, not a dumb terminal. */
    static boolean isTerminal(Map<String, String> env) {
        return System.console() != null && !"dumb".equals(env.get("TERM"));
    }

    private void spin() {
        int frame = 0;
        while (running) {
            draw("faas: " + what + " " + FRAMES.charAt(frame++ % FRAMES.length()) + " " + seconds() + " s");
            try {
                Thread.sleep(120); // the spinner's frame rate: nothing waits on it
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void draw(String line) {
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

    /** Ends the progress with {@code line} (e.g. "built in 12.3 s"), the spinner's line replaced by it. */
    void done(String line) {
        stop();
        if (terminal) {
            draw("faas: " + line);
            err.println();
        } else {
            err.println("faas: " + line);
        }
        err.flush();
    }

    String elapsed() {
        return seconds() + " s";
    }

    private void stop() {
        running = false;
        if (spinner != null) {
            spinner.interrupt();
            try {
                spinner.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        if (running) {
            stop();
            if (terminal) {
                draw("");
                err.print("\r");
                err.flush();
            }
        }
    }
}
