package dev.localfaas.runtime.metering;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /**
     * Whether {@code r} is billed on the memory it used: the provider bills observed memory and the record carries a
     * measured peak ({@code maxMemoryUsedMb}, written in process isolation).
     */
    public boolean billsMeasuredMemory(UsageRecord r) {
        return memoryBasis == MemoryBasis.OBSERVED && r.maxMemoryUsedMb() > 0;
    }

    /**
     * The memory size {@code r} is billed at: its measured peak rounded the provider's way where
     * {@link #billsMeasuredMemory} applies, else its configured memory (rounded later, by {@link #billableMemoryMb}).
     */
    public int memoryOf(UsageRecord r) {
        if (!billsMeasuredMemory(r)) {
            return r.memoryMb();
        }
        return billableMemoryMb((int) Math.min(Integer.MAX_VALUE, r.maxMemoryUsedMb()));
    }

    /**
     * What the report says of the memory billed, for a provider that bills the memory used: how many records were
     * billed on their measured memory ({@code measured} of {@code ran}); empty for a provider that bills the
     * configured memory.
     */
    public Optional<String> memoryLine(long measured, long ran) {
        if (memoryBasis != MemoryBasis.OBSERVED || measured <= 0) {
            return Optional.empty();
        }
        return Optional.of("billed on measured memory: " + measured + (measured == 1 ? " record" : " records")
                + " (the peak resident memory process isolation measured, its maxMemoryUsedMb"
                + (memoryRoundingMb > 0 ? ", rounded up to " + memoryRoundingMb + " MB" : "")
                + (maxMemoryMb > 0 ? ", at most " + maxMemoryMb + " MB" : "")
                + "; Azure samples memory through the execution, so a peak is an upper bound)");
    }

    /**
     * One line per approximation, said in every report that shows this provider: {@code measured} of the {@code ran}
     * records carry the memory they used (see {@link #memoryLine}), the others are stood in for.
     */
    public List<String> standIns(long measured, long ran) {
        List<String> notes = new ArrayList<>();
        if (timeBasis == TimeBasis.CPU) {
            notes.add("CPU time is billed: the emulator measures the CPU time of the handler's thread (threads the "
                    + "handler starts are not counted, and init is not), and bills wall-clock time for records that "
                    + "have no cpuMs (written before it was measured, or timed out)");
        }
        if (memoryBasis == MemoryBasis.OBSERVED && measured < ran) {
            notes.add("the memory an execution used is billed (Azure samples it); the configured memory stands in for it"
                    + (measured > 0 ? " in " + (ran - measured) + (ran - measured == 1 ? " record" : " records")
                    + " without maxMemoryUsedMb" : "")
                    + (memoryRoundingMb > 0 ? ", rounded up to " + memoryRoundingMb + " MB" : "")
                    + (maxMemoryMb > 0 ? ", at most " + maxMemoryMb + " MB" : "")
                    + " (run with --isolation process to measure it)");
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
