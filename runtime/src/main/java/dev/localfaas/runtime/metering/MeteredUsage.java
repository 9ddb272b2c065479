package dev.localfaas.runtime.metering;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one provider would bill for a set of invocations, before prices: per configured memory size, how many
 * billable requests and how many billable milliseconds (already rounded the provider's way, invocation by
 * invocation). Decimal so that a projection can scale it exactly.
 */
public record MeteredUsage(List<Group> groups) {

    /** Invocations of one memory size. */
    public record Group(int memoryMb, BigDecimal count, BigDecimal billableMs) {
    }

    public static final MeteredUsage NONE = new MeteredUsage(List.of());

    public MeteredUsage {
        groups = List.copyOf(groups);
    }

    public BigDecimal requests() {
        return groups.stream().map(Group::count).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The same mix of memory sizes and durations, {@code factor} times as often. */
    public MeteredUsage scaled(BigDecimal factor) {
        return new MeteredUsage(groups.stream()
                .map(g -> new Group(g.memoryMb(), g.count().multiply(factor), g.billableMs().multiply(factor)))
                .toList());
    }

    /** Several functions' usage as one, grouped by memory size. */
    public static MeteredUsage merge(Collection<MeteredUsage> parts) {
        Map<Integer, BigDecimal[]> sums = new TreeMap<>();
        for (MeteredUsage u : parts) {
            for (Group g : u.groups()) {
                BigDecimal[] s = sums.computeIfAbsent(g.memoryMb(), k -> new BigDecimal[] {BigDecimal.ZERO,
                    BigDecimal.ZERO});
                s[0] = s[0].add(g.count());
                s[1] = s[1].add(g.billableMs());
            }
        }
        return new MeteredUsage(sums.entrySet().stream()
                .map(e -> new Group(e.getKey(), e.getValue()[0], e.getValue()[1])).toList());
    }
}
