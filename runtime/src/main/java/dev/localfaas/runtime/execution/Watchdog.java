package dev.localfaas.runtime.execution;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Watches handlers that were interrupted at their timeout. A JVM cannot stop a thread that ignores interruption;
 * rather than pretend it stopped, we say which function still holds a thread, and for how long.
 */
final class Watchdog {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "faas-watchdog");
        t.setDaemon(true);
        return t;
    });
    private static final long GRACE_MS = 1000;

    private Watchdog() {
    }

    static void watch(BooleanSupplier running, String function, String requestId, LogSink sink) {
        long since = System.nanoTime();
        TIMER.schedule(() -> check(running, function, requestId, sink, since, GRACE_MS), GRACE_MS, TimeUnit.MILLISECONDS);
    }

    private static void check(BooleanSupplier running, String function, String requestId, LogSink sink, long since,
                              long delay) {
        if (!running.getAsBoolean()) {
            return;
        }
        sink.line(function, "localfaas: WARNING the handler of " + function + " (request " + requestId
                + ") ignores interruption and still runs " + (System.nanoTime() - since) / 1_000_000_000
                + " s after its timeout; its thread is abandoned and keeps running until it returns");
        long next = Math.min(delay * 4, 60_000);
        TIMER.schedule(() -> check(running, function, requestId, sink, since, next), next, TimeUnit.MILLISECONDS);
    }
}
