package dev.localfaas.runtime.function;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches a functions directory and calls back once its deployment packages (JARs, and folders of classes) were
 * added, replaced, changed or removed and have settled: no change for the quiet period, and every JAR readable as
 * a zip (a copy in progress is not). A file that never becomes a zip is passed on after a longer wait, so that
 * discovery can report it. File events in the directory wake the watcher; a rescan every second catches changes
 * inside package folders and what a file system does not report.
 */
public final class FunctionsWatcher implements AutoCloseable {

    private static final long RESCAN_MILLIS = 1_000;
    private static final long SETTLING_POLL_MILLIS = 50;

    private final Path dir;
    private final long quietMillis;
    private final Runnable onChange;
    private final Consumer<String> notices;
    private final WatchService watch;
    private final Thread thread;
    /** What the folder held when watching started: changes are measured from here. */
    private final PackagesSnapshot initial;
    private volatile boolean closed;

    private FunctionsWatcher(Path dir, Duration quiet, Runnable onChange, Consumer<String> notices) throws IOException {
        this.dir = dir;
        this.quietMillis = quiet.toMillis();
        this.onChange = onChange;
        this.notices = notices;
        this.watch = FileSystems.getDefault().newWatchService();
        dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.initial = PackagesSnapshot.of(dir);
        this.thread = new Thread(this::run, "faas-watcher");
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching. {@code onChange} runs on the watcher's thread, one call at a time; what it throws is reported
     * through {@code notices} and watching goes on.
     *
     * @param quiet how long the JARs must stay unchanged before a reload (300 ms suits copies and builds)
     * @throws UncheckedIOException when the directory cannot be watched
     */
    public static FunctionsWatcher start(Path dir, Duration quiet, Runnable onChange, Consumer<String> notices) {
        Objects.requireNonNull(onChange, "onChange");
        try {
            FunctionsWatcher w = new FunctionsWatcher(dir, quiet, onChange, notices);
            w.thread.start();
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + dir + " for changed JARs: " + e.getMessage()
                    + "; run with --no-watch to do without hot reload", e);
        }
    }

    private void run() {
        PackagesSnapshot loaded = initial;
        PackagesSnapshot pending = loaded;
        long pendingSince = System.nanoTime();
        try {
            while (!closed) {
                boolean settling = !pending.equals(loaded);
                WatchKey key = watch.poll(settling ? SETTLING_POLL_MILLIS : RESCAN_MILLIS, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
                PackagesSnapshot now = PackagesSnapshot.of(dir);
                if (!now.equals(pending)) {
                    pending = now;
                    pendingSince = System.nanoTime();
                    continue;
                }
                long stableMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pendingSince);
                if (!now.equals(loaded) && stableMillis >= quietMillis
                        && (now.complete() || stableMillis >= Math.max(2_000, 4 * quietMillis))) {
                    loaded = now;
                    reload();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    private void reload() {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            notices.accept("reload of " + dir + " failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            watch.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
        thread.interrupt();
    }
}
