package dev.localfaas.runtime.metering;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Counts one function's billable requests and milliseconds for one provider, invocation by invocation. */
final class Meter {
    private final BillingRules rules;
    private final Map<Integer, long[]> byMemory = new TreeMap<>();

    Meter(BillingRules rules) {
        this.rules = rules;
    }

    void add(UsageRecord r) {
        if (!r.ran()) {
            return;
        }
        long[] g = byMemory.computeIfAbsent(r.memoryMb(), k -> new long[2]);
        g[0]++;
        g[1] = Math.addExact(g[1], rules.billableMs(r));
    }

    MeteredUsage snapshot() {
        return new MeteredUsage(byMemory.entrySet().stream()
                .map(e -> new MeteredUsage.Group(e.getKey(), BigDecimal.valueOf(e.getValue()[0]),
                        BigDecimal.valueOf(e.getValue()[1])))
                .toList());
    }
}
