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

    ContainerLoad load() {
        if (n == 0) {
            return ContainerLoad.NONE;
        }
        // events: +memory at a start, -memory at an end; an end sorts before a start at the same instant
        long[][] events = new long[2 * n][];
        for (int i = 0; i < n; i++) {
            events[2 * i] = new long[] {starts[i], 1, memory[i]};
            events[2 * i + 1] = new long[] {ends[i], 0, memory[i]};
        }
        Arrays.sort(events, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int running = 0;
        long runningMb = 0;
        int peak = 0;
        long peakMb = 0;
        long peakAt = 0;
        for (long[] e : events) {
            if (e[1] == 1) {
                running++;
                runningMb += e[2];
                if (running > peak || (running == peak && runningMb > peakMb)) {
                    peak = running;
                    peakMb = runningMb;
                    peakAt = e[0];
                }
            } else {
                running--;
                runningMb -= e[2];
            }
        }
        // warm invocations are sampled for CPU time: the others are estimated at their function's measured share
        double cpuMs = 0;
        for (double[] c : cpu.values()) {
            cpuMs += c[0] + c[2] * (c[1] > 0 ? Math.min(1, c[0] / c[1]) : 1);
        }
        return new ContainerLoad(n, wallMs, cpuMs, peak, Instant.ofEpochSecond(peakAt / 1_000_000,
                (peakAt % 1_000_000) * 1000), peakMb, largestMemoryMb);
    }
}
