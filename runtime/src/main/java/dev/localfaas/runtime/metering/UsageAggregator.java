package dev.localfaas.runtime.metering;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Adds up usage records per function, as they come (thread-safe); a snapshot is what a report is made from. */
final class UsageAggregator {
    private final List<Provider> providers;
    private final Map<String, FunctionTally> functions = new TreeMap<>();
    private final ConcurrencyTracker concurrency = new ConcurrencyTracker();
    private long records;
    private Instant first;
    private Instant last;

    UsageAggregator(List<Provider> providers) {
        this.providers = List.copyOf(providers);
    }

    synchronized void add(UsageRecord r) {
        functions.computeIfAbsent(r.function(), name -> new FunctionTally(name, providers)).add(r);
        concurrency.add(r);
        records++;
        Instant start = r.startInstant();
        first = first == null || start.isBefore(first) ? start : first;
        last = last == null || start.isAfter(last) ? start : last;
    }

    UsageSnapshot snapshot() {
        return snapshot(true);
    }

    /** The totals without each invocation's figures: enough for a bill, not for percentiles. */
    UsageSnapshot totals() {
        return snapshot(false);
    }

    /**
     * Copies what is needed under the lock and sweeps the concurrency outside it: the sweep sorts every invocation
     * since start, and the reporter thread adding records must not wait for it.
     */
    private UsageSnapshot snapshot(boolean samples) {
        long count;
        Instant from;
        Instant to;
        List<FunctionUsage> usage;
        ConcurrencyTracker busy;
        synchronized (this) {
            count = records;
            from = first;
            to = last;
            usage = functions.values().stream().map(t -> t.snapshot(samples)).toList();
            busy = concurrency.copy();
        }
        return new UsageSnapshot(count, from, to, usage, busy.load());
    }

    /**
     * Usage of every function, in name order, when the first and last records started (null when none), and what
     * an always-on container would have carried.
     */
    record UsageSnapshot(long records, Instant first, Instant last, List<FunctionUsage> functions, ContainerLoad load) {
    }
}
