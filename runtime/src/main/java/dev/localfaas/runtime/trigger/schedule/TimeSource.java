package dev.localfaas.runtime.trigger.schedule;

import java.time.Instant;

/**
 * The scheduler's notion of time: what time it is, and a way to run something at a moment. The real one follows the
 * system clock; tests pass one they move by hand, so that "fires at 09:00 on weekdays" is checked without waiting.
 */
public interface TimeSource extends AutoCloseable {

    Instant now();

    /** Runs {@code task} once, at {@code when} or as soon after as possible (at once when it is past). */
    Timer runAt(Instant when, Runnable task);

    /** Stops running tasks; tasks not yet run are dropped. */
    @Override
    void close();

    /** A handle on a task that {@link #runAt} will run. */
    @FunctionalInterface
    interface Timer {
        /** Makes sure the task does not start; a task that has started finishes. */
        void cancel();
    }

    /** The system clock (UTC), with one daemon thread that runs the tasks. */
    static TimeSource system() {
        return new SystemTimeSource();
    }
}
