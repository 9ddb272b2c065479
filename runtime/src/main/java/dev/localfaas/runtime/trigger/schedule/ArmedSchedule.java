package dev.localfaas.runtime.trigger.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One schedule's timer: always armed for its next firing, computed from the schedule's start ({@code start + k *
 * period} for a rate, the next matching minute for a cron) rather than from when the last firing ran, so that the
 * firings stay on their seconds however long the run.
 */
final class ArmedSchedule {

    /** Firings missed by more than this (a suspended machine) are skipped rather than fired in a burst. */
    static final Duration CATCH_UP = Duration.ofMinutes(1);

    private final ScheduleEntry entry;
    private final TimeSource time;
    private final BiConsumer<ScheduleEntry, Instant> fire;
    private final Consumer<String> log;
    private Instant start;
    private TimeSource.Timer timer;
    private boolean stopped;

    ArmedSchedule(ScheduleEntry entry, TimeSource time, BiConsumer<ScheduleEntry, Instant> fire, Consumer<String> log) {
        this.entry = entry;
        this.time = time;
        this.fire = fire;
        this.log = log;
    }

    ScheduleEntry entry() {
        return entry;
    }

    /** Starts the schedule at {@code start} (a rate's first firing is one period later); disabled ones never arm. */
    synchronized void start(Instant start) {
        this.start = start;
        entry.expression().warnings().forEach(w -> log.accept(entry.function() + ": " + w));
        if (entry.spec().enabled()) {
            arm(start);
        }
    }

    synchronized void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel();
        }
    }

    /** The next firings after {@code now}; before the schedule starts, as if it started at {@code anchor}. */
    synchronized List<Instant> nextFirings(Instant now, Instant anchor, int count) {
        if (!entry.spec().enabled()) {
            return List.of();
        }
        Instant from = start == null ? anchor : start;
        return entry.expression().firings(from, now.isBefore(from) ? from : now, count);
    }

    private void arm(Instant after) {
        Optional<Instant> next = entry.expression().next(start, after);
        if (next.isEmpty()) {
            log.accept(entry.function() + ": " + entry.expression().text() + " never fires again after " + after
                    + "; it stays listed but idle");
            return;
        }
        Instant when = next.get();
        timer = time.runAt(when, () -> fired(when));
    }

    private void fired(Instant scheduled) {
        synchronized (this) {
            if (stopped) {
                return;
            }
            Instant floor = time.now().minus(CATCH_UP);
            Instant after = scheduled;
            if (scheduled.isBefore(floor)) {
                Optional<Instant> following = entry.expression().next(start, scheduled);
                if (following.isPresent() && following.get().isBefore(floor)) {
                    log.accept(entry.function() + ": " + entry.expression().text() + " skipped the firings due from "
                            + following.get() + " to " + floor + "; the scheduler was held up (a suspended machine?)");
                    after = floor;
                }
            }
            arm(after);
        }
        fire.accept(entry, scheduled);
    }
}
