package dev.localfaas.runtime.trigger.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A clock that a test moves: {@link #advanceTo} runs every due task in time order, each at its own moment. */
final class ManualTimeSource implements TimeSource {

    private final List<Task> tasks = new ArrayList<>();
    private Instant now;
    private long sequence;

    ManualTimeSource(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Timer runAt(Instant when, Runnable task) {
        Task t = new Task(when, sequence++, task);
        tasks.add(t);
        return () -> {
            synchronized (this) {
                tasks.remove(t);
            }
        };
    }

    /** Moves time forward to {@code target}, running each task due on the way with the clock at its moment. */
    void advanceTo(Instant target) {
        while (true) {
            Task due;
            synchronized (this) {
                Optional<Task> first = tasks.stream().filter(t -> !t.when.isAfter(target))
                        .min(Comparator.comparing((Task t) -> t.when).thenComparingLong(t -> t.seq));
                if (first.isEmpty()) {
                    now = target;
                    return;
                }
                due = first.get();
                tasks.remove(due);
                if (due.when.isAfter(now)) {
                    now = due.when;
                }
            }
            due.task.run();
        }
    }

    /** Sets the clock to {@code target} at once, then runs what fell due on the way, late (a suspended machine). */
    void jumpTo(Instant target) {
        synchronized (this) {
            now = target;
        }
        advanceTo(target);
    }

    void advance(Duration by) {
        advanceTo(now().plus(by));
    }

    /** When the earliest pending task is due. */
    synchronized Optional<Instant> nextDue() {
        return tasks.stream().map(t -> t.when).min(Comparator.naturalOrder());
    }

    @Override
    public void close() {
    }

    private record Task(Instant when, long seq, Runnable task) {
    }
}
