package dev.localfaas.runtime.metering;

import java.util.ArrayList;
import java.util.List;

/**
 * How a provider turns one invocation into billable time and memory: its rounding, its minimum, whether it bills
 * the cold start, and what it measures that the emulator can only stand in for.
 *
 * @param durationRoundingMs time is rounded up to a multiple of this (1 for AWS, 100 for Google)
 * @param minimumBilledMs    the least time billed for one invocation
 * @param includesInit       whether the cold start (init) is billed with the invocation
 * @param timeBasis          what time the provider bills
 * @param memoryBasis        what memory the provider bills
 * @param memoryRoundingMb   memory is rounded up to a multiple of this, 0 for none
 * @param maxMemoryMb        memory billed is capped at this, 0 for no cap
 * @param memorySizesMb      the instance sizes a provider offers (Azure Flex Consumption: 512, 2048, 4096); memory is
 *                           billed at the smallest that holds the function's, empty when any size is billed as it is
 */
public record BillingRules(int durationRoundingMs, int minimumBilledMs, boolean includesInit, TimeBasis timeBasis,
        MemoryBasis memoryBasis, int memoryRoundingMb, int maxMemoryMb, List<Integer> memorySizesMb) {

    public BillingRules {
        memorySizesMb = List.copyOf(memorySizesMb);
    }

    public BillingRules(int durationRoundingMs, int minimumBilledMs, boolean includesInit, TimeBasis timeBasis,
            MemoryBasis memoryBasis, int memoryRoundingMb, int maxMemoryMb) {
        this(durationRoundingMs, minimumBilledMs, includesInit, timeBasis, memoryBasis, memoryRoundingMb, maxMemoryMb,
                List.of());
    }

    /** The time a provider bills; the emulator measures wall-clock time only. */
    public enum TimeBasis {
        WALL_CLOCK("wall-clock"), CPU("cpu");

        final String id;

        TimeBasis(String id) {
            this.id = id;
        }
    }

    /** The memory a provider bills; the emulator knows the configured memory only. */
    public enum MemoryBasis {
        CONFIGURED("configured"), OBSERVED("observed");

        final String id;

        MemoryBasis(String id) {
            this.id = id;
        }
    }

    /** Billable milliseconds of one invocation; a throttled request is never billed. */
    public long billableMs(UsageRecord r) {
        if (!r.ran()) {
            return 0;
        }
        // The record's billedMs is AWS's ceil(duration + init); rounding that up again to a coarser step gives the
        // same result as rounding the exact time, because every coarser step is a whole number of milliseconds.
        long ms = includesInit ? r.billedMs() : (long) Math.ceil(r.durationMs());
        ms = Math.max(ms, minimumBilledMs);
        return ceilToMultiple(ms, durationRoundingMs);
    }

    /** Milliseconds as measured, before rounding: handler time, plus init where the provider bills it. */
    public double measuredMs(UsageRecord r) {
        return r.durationMs() + (includesInit ? r.initMs() : 0);
    }

    /** The memory billed for a function configured with {@code configuredMb}. */
    public int billableMemoryMb(int configuredMb) {
        if (!memorySizesMb.isEmpty()) {
            return memorySizesMb.stream().filter(s -> s >= configuredMb).findFirst()
                    .orElse(memorySizesMb.get(memorySizesMb.size() - 1));
        }
        int mb = memoryRoundingMb > 0 ? (int) ceilToMultiple(configuredMb, memoryRoundingMb) : configuredMb;
        return maxMemoryMb > 0 ? Math.min(mb, maxMemoryMb) : mb;
    }

    /** One line per approximation, said in every report that shows this provider. */
    public List<String> standIns() {
        List<String> notes = new ArrayList<>();
        if (timeBasis == TimeBasis.CPU) {
            notes.add("CPU time is billed: the emulator measures the CPU time of the handler's thread (threads the "
                    + "handler starts are not counted, and init is not), and bills wall-clock time for records that "
                    + "have no cpuMs (written before it was measured, or timed out)");
        }
        if (memoryBasis == MemoryBasis.OBSERVED) {
            notes.add("the memory an execution used is billed (Azure samples it); the configured memory stands in for it"
                    + (memoryRoundingMb > 0 ? ", rounded up to " + memoryRoundingMb + " MB" : "")
                    + (maxMemoryMb > 0 ? ", at most " + maxMemoryMb + " MB" : ""));
        }
        return notes;
    }

    /** A short description of the rounding, as the report's headings show it. */
    public String describe() {
        StringBuilder s = new StringBuilder("rounded up to " + durationRoundingMs + " ms");
        if (minimumBilledMs > 0) {
            s.append(", at least ").append(minimumBilledMs).append(" ms");
        }
        s.append(includesInit ? ", init billed" : ", init not billed");
        return s.toString();
    }

    static long ceilToMultiple(long value, long step) {
        return step <= 1 ? value : Math.floorDiv(value + step - 1, step) * step;
    }
}
