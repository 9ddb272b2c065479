package dev.localfaas.runtime.metering;

import java.time.Instant;
import java.util.Arrays;

/**
 * Concurrency over time from the records: each invocation that ran occupies [start, start + init + duration); a
 * sweep over the starts and ends finds the busiest moment. Keeps two longs per invocation. Not thread-safe.
 */
final class ConcurrencyTracker {
    private long[] starts = new long[64];
    private long[] ends = new long[64];
    private int[] memory = new int[64];
    private int n;
    private double wallMs;
    // per function: measured CPU ms, the handler ms they took, and the handler ms of invocations not measured
    private final java.util.Map<String, double[]> cpu = new java.util.HashMap<>();
    private int largestMemoryMb;

    void add(UsageRecord r) {
        if (!r.ran()) {
            return;
        }
        if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
            ends = Arrays.copyOf(ends, n * 2);
            memory = Arrays.copyOf(memory, n * 2);
        }
        Instant start = r.startInstant();
        long startUs = start.getEpochSecond() * 1_000_000 + start.getNano() / 1000;
        double ms = r.durationMs() + r.initMs();
        starts[n] = startUs;
        ends[n] = startUs + Math.max(1, Math.round(ms * 1000));
        memory[n] = r.memoryMb();
        n++;
        wallMs += r.durationMs(); // a container initializes once, at start: its capacity is handler time
        double[] c = cpu.computeIfAbsent(r.function(), f -> new double[3]);
        if (r.cpuMs() != null) {
            c[0] += r.cpuMs();
            c[1] += r.durationMs();
        } else {
            c[2] += r.durationMs();
        }
        largestMemoryMb = Math.max(largestMemoryMb, r.memoryMb());
    }

    /** A copy to compute {@link #load()} from outside the lock that guards this one (O(n), no sorting). */
    ConcurrencyTracker copy() {
        ConcurrencyTracker c = new ConcurrencyTracker();
        c.starts = Arrays.copyOf(starts, n);
        c.ends = Arrays.copyOf(ends, n);
        c.memory = Arrays.copyOf(memory, n);
        c.n = n;
        c.wallMs = wallMs;
        cpu.forEach((f, v) -> c.cpu.put(f, v.clone()));
        c.largestMemoryMb = largestMemoryMb;
        return c;
    }

    ContainerLoad load() {
        if (n == 0) {
            return ContainerLoad.NONE;
        }
        long base = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int largest = 0;
        for (int i = 0; i < n; i++) {
            base = Math.min(base, starts[i]);
            last = Math.max(last, ends[i]);
            largest = Math.max(largest, memory[i]);
        }
        long[] peak = last - base < 1L << TIME_BITS && largest < 1 << MEMORY_BITS ? sweepPacked(base) : sweepObjects();
        // warm invocations are sampled for CPU time: the others are estimated at their function's measured share
        double cpuMs = 0;
        for (double[] c : cpu.values()) {
            cpuMs += c[0] + c[2] * (c[1] > 0 ? Math.min(1, c[0] / c[1]) : 1);
        }
        long peakAt = peak[2];
        return new ContainerLoad(n, wallMs, cpuMs, (int) peak[0], Instant.ofEpochSecond(peakAt / 1_000_000,
                (peakAt % 1_000_000) * 1000), peak[1], largestMemoryMb);
    }

    private static final int MEMORY_BITS = 24;
    private static final int TIME_BITS = 63 - MEMORY_BITS; // microseconds: 6 days of records

    /**
     * The busiest moment, from the starts and the ends each sorted as packed longs ({@code time << 24 | memory}): two
     * primitive sorts, no object per event, as the dashboard's cost panel asks for it while records keep coming.
     *
     * @return {peak concurrency, memory running then, when (epoch microseconds)}
     */
    private long[] sweepPacked(long base) {
        long[] s = new long[n];
        long[] e = new long[n];
        for (int i = 0; i < n; i++) {
            s[i] = (starts[i] - base) << MEMORY_BITS | memory[i];
            e[i] = (ends[i] - base) << MEMORY_BITS | memory[i];
        }
        Arrays.sort(s);
        Arrays.sort(e);
        long mask = (1L << MEMORY_BITS) - 1;
        int running = 0;
        long runningMb = 0;
        long[] peak = {0, 0, 0};
        int j = 0;
        for (long start : s) {
            long at = start >>> MEMORY_BITS;
            while (j < n && e[j] >>> MEMORY_BITS <= at) { // an end sorts before a start at the same instant
                running--;
                runningMb -= e[j++] & mask;
            }
            running++;
            runningMb += start & mask;
            if (running > peak[0] || (running == peak[0] && runningMb > peak[1])) {
                peak[0] = running;
                peak[1] = runningMb;
                peak[2] = base + at;
            }
        }
        return peak;
    }

    /** As {@link #sweepPacked}, for records too far apart (or too large) to pack: one array per event. */
    private long[] sweepObjects() {
        long[][] events = new long[2 * n][];
        for (int i = 0; i < n; i++) {
            events[2 * i] = new long[] {starts[i], 1, memory[i]};
            events[2 * i + 1] = new long[] {ends[i], 0, memory[i]};
        }
        Arrays.sort(events, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int running = 0;
        long runningMb = 0;
        long[] peak = {0, 0, 0};
        for (long[] e : events) {
            if (e[1] == 1) {
                running++;
                runningMb += e[2];
                if (running > peak[0] || (running == peak[0] && runningMb > peak[1])) {
                    peak[0] = running;
                    peak[1] = runningMb;
                    peak[2] = e[0];
                }
            } else {
                running--;
                runningMb -= e[2];
            }
        }
        return peak;
    }
}
