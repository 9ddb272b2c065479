package dev.localfaas.runtime.metering;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Running totals of one function's invocations. Not thread-safe: {@link UsageAggregator} guards it. */
final class FunctionTally {
    private final String name;
    private final OutcomeCounts outcomes = new OutcomeCounts();
    private long coldStarts;
    private long billedMs;
    private long billedMsTimesMb;
    private int memoryMb;
    private boolean mixedMemory;
    // Parallel, one entry per invocation that ran: handler time, init time (0 when warm), allocated bytes.
    private final Samples durations = new Samples();
    private final Samples inits = new Samples();
    private final Samples allocated = new Samples();
    private final Map<String, Meter> meters = new LinkedHashMap<>();

    FunctionTally(String name, List<Provider> providers) {
        this.name = name;
        providers.forEach(p -> meters.put(p.id(), new Meter(p.billing())));
    }

    void add(UsageRecord r) {
        mixedMemory |= memoryMb != 0 && memoryMb != r.memoryMb();
        memoryMb = r.memoryMb();
        meters.values().forEach(m -> m.add(r));
        if (!outcomes.add(r.outcome())) {
            return;
        }
        if (r.coldStart()) {
            coldStarts++;
        }
        billedMs = Math.addExact(billedMs, r.billedMs());
        billedMsTimesMb = Math.addExact(billedMsTimesMb, Math.multiplyExact(r.billedMs(), (long) r.memoryMb()));
        durations.add(r.durationMs());
        inits.add(r.initMs());
        allocated.add(r.allocatedBytes());
    }

    FunctionUsage snapshot() {
        return snapshot(true);
    }

    /**
     * The totals, and with {@code samples} a copy of every invocation's figures (for percentiles); without, empty
     * arrays: a bill needs only the totals, and the copy grows with every invocation since start.
     */
    FunctionUsage snapshot(boolean samples) {
        Map<String, MeteredUsage> metered = new LinkedHashMap<>();
        meters.forEach((id, m) -> metered.put(id, m.snapshot()));
        double[] none = new double[0];
        return new FunctionUsage(name, outcomes.ran(), outcomes.errors(), outcomes.timeouts(), outcomes.throttles(), coldStarts, billedMs, billedMsTimesMb,
                mixedMemory ? OptionalInt.empty() : OptionalInt.of(memoryMb), samples ? durations.toArray() : none,
                samples ? inits.toArray() : none, samples ? allocated.toArray() : none, metered);
    }
}
