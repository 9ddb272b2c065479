package dev.localfaas.runtime.metering;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one provider would bill for a set of invocations, before prices: per configured memory size, the
 * {@link Measure}s (requests, billable milliseconds already rounded the provider's way, CPU milliseconds, gateway
 * and messaging requests). Decimal so that a projection can scale it exactly.
 */
public record MeteredUsage(List<Group> groups) {

    /** Invocations of one memory size. */
    public record Group(int memoryMb, Map<Measure, BigDecimal> values) {
        public Group {
            EnumMap<Measure, BigDecimal> copy = new EnumMap<>(Measure.class);
            for (Measure m : Measure.values()) {
                copy.put(m, values.getOrDefault(m, BigDecimal.ZERO));
            }
            values = Collections.unmodifiableMap(copy);
        }

        /**
         * Invocations that ran and took time, with no measured CPU time (so wall time stands in for it) and no
         * gateway or messaging requests.
         */
        public Group(int memoryMb, BigDecimal count, BigDecimal billableMs) {
            this(memoryMb, Map.of(Measure.COUNT, count, Measure.BILLABLE_MS, billableMs, Measure.CPU_MS, billableMs,
                    Measure.CPU_STAND_INS, count));
        }

        public BigDecimal get(Measure m) {
            return values.get(m);
        }

        public BigDecimal count() {
            return get(Measure.COUNT);
        }

        public BigDecimal billableMs() {
            return get(Measure.BILLABLE_MS);
        }

        Group scaled(BigDecimal factor) {
            Map<Measure, BigDecimal> v = new EnumMap<>(Measure.class);
            values.forEach((m, q) -> v.put(m, q.multiply(factor)));
            return new Group(memoryMb, v);
        }
    }

    public static final MeteredUsage NONE = new MeteredUsage(List.of());

    public MeteredUsage {
        groups = List.copyOf(groups);
    }

    public BigDecimal requests() {
        return total(Measure.COUNT);
    }

    public BigDecimal total(Measure m) {
        return groups.stream().map(g -> g.get(m)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The same mix of memory sizes and durations, {@code factor} times as often. */
    public MeteredUsage scaled(BigDecimal factor) {
        return new MeteredUsage(groups.stream().map(g -> g.scaled(factor)).toList());
    }

    /** Several functions' usage as one, grouped by memory size. */
    public static MeteredUsage merge(Collection<MeteredUsage> parts) {
        Map<Integer, Map<Measure, BigDecimal>> sums = new TreeMap<>();
        for (MeteredUsage u : parts) {
            for (Group g : u.groups()) {
                Map<Measure, BigDecimal> s = sums.computeIfAbsent(g.memoryMb(), k -> new EnumMap<>(Measure.class));
                g.values().forEach((m, q) -> s.merge(m, q, BigDecimal::add));
            }
        }
        return new MeteredUsage(sums.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList());
    }
}
