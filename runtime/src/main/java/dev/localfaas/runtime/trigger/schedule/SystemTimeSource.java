package dev.localfaas.runtime.trigger.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks at wall-clock moments. The executor waits on the monotonic clock, which can part from the wall clock
 * over a long wait (an NTP step, a suspended laptop); so a task that wakes early goes back to sleep for the rest, and
 * every delay is measured afresh from the wall clock: nothing drifts from one firing to the next.
 */
final class SystemTimeSource implements TimeSource {

    private static final Duration EARLY_TOLERANCE = Duration.ofNanos(200_000);

    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "faas-schedule-clock");
        t.setDaemon(true);
        return t;
    });

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public Timer runAt(Instant when, Runnable task) {
        Pending pending = new Pending(when, task);
        pending.arm();
        return pending;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private final class Pending implements Timer {
        private final Instant when;
        private final Runnable task;
        private volatile boolean cancelled;
        private volatile ScheduledFuture<?> future;

        Pending(Instant when, Runnable task) {
            this.when = when;
            this.task = task;
        }

        void arm() {
            long delay = Math.max(0, Duration.between(now(), when).toNanos());
            try {
                future = executor.schedule(this::wake, delay, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closed) {
                cancelled = true;
            }
        }

        private void wake() {
            if (cancelled) {
                return;
            }
            if (now().isBefore(when.minus(EARLY_TOLERANCE))) {
                arm();
            } else {
                task.run();
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
        }
    }
}
