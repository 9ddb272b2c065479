package dev.localfaas.runtime.metering;

import java.time.Instant;

/**
 * What an always-on container would have had to carry: the invocations that ran, the time and CPU they used, and
 * how many ran at once at the busiest moment (from each record's start and duration).
 *
 * @param wallMs              handler time of all invocations (a container initializes once, not per call)
 * @param cpuMs               CPU time of all invocations (wall time where a record has none)
 * @param peakConcurrency     the most invocations running at the same moment
 * @param peakAt              when that moment began, or null when nothing ran
 * @param peakMemoryMb        the configured memory of the invocations running at the busiest moment, added up
 * @param largestMemoryMb     the largest memory any function is configured with
 */
public record ContainerLoad(long invocations, double wallMs, double cpuMs, int peakConcurrency, Instant peakAt,
        long peakMemoryMb, int largestMemoryMb) {

    public static final ContainerLoad NONE = new ContainerLoad(0, 0, 0, 0, null, 0, 0);

    /** The share of wall time the handlers spent on the CPU: 1 for a busy loop, near 0 for a sleeper. */
    public double cpuShare() {
        return wallMs <= 0 ? 0 : Math.min(1, cpuMs / wallMs);
    }
}
