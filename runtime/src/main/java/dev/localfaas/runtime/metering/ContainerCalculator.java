package dev.localfaas.runtime.metering;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prices an always-on container serving the same invocations: billed every hour of the month whatever the traffic,
 * sized from the observed peak, and as many containers as the volume needs at full utilisation.
 *
 * <p>Sizing: vCPU for the CPU the handlers used at the busiest moment (peak concurrency × the share of wall time
 * they spent on the CPU, at least the smallest size), memory for the function memory of the invocations running at
 * once; the cheapest size the provider offers that holds both. Capacity: what one container can serve of the
 * observed mix in a month, limited by its CPU (mean CPU time per invocation) and by how many invocations its
 * memory holds at once (mean wall time each).
 */
final class ContainerCalculator {
    private static final BigDecimal MS_PER_HOUR = BigDecimal.valueOf(3_600_000);
    private static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1024);
    private static final MathContext MC = new MathContext(20, RoundingMode.HALF_EVEN);

    private ContainerCalculator() {
    }

    /** The container size and count for {@code requests} a month of the observed mix. */
    record Plan(ContainerSize size, boolean sizedByUser, BigDecimal capacity, String limit, BigDecimal containers) {
    }

    static ContainerSize size(Provider p, ContainerLoad load) {
        BigDecimal vcpu = BigDecimal.valueOf(Math.max(1, load.peakConcurrency()) * load.cpuShare());
        BigDecimal gb = BigDecimal.valueOf(Math.max(load.peakMemoryMb(), load.largestMemoryMb()))
                .divide(MB_PER_GB, MC);
        return p.container().sizes().stream()
                .filter(s -> s.vcpu().compareTo(vcpu) >= 0 && s.memoryGb().compareTo(gb) >= 0)
                .min(Comparator.comparing(s -> hourly(p, s)))
                .orElse(p.container().sizes().get(p.container().sizes().size() - 1));
    }

    static Plan plan(Provider p, ContainerLoad load, BigDecimal requests, ContainerSize override) {
        ContainerSize size = override != null ? override : size(p, load);
        BigDecimal monthMs = p.container().hoursPerMonth().multiply(MS_PER_HOUR);
        BigDecimal n = BigDecimal.valueOf(Math.max(1, load.invocations()));
        BigDecimal meanCpu = BigDecimal.valueOf(load.cpuMs()).divide(n, MC);
        BigDecimal meanWall = BigDecimal.valueOf(load.wallMs()).divide(n, MC);
        BigDecimal byCpu = meanCpu.signum() == 0 ? null : size.vcpu().multiply(monthMs).divide(meanCpu, MC);
        long slots = Math.max(1, size.memoryGb().multiply(MB_PER_GB)
                .divide(BigDecimal.valueOf(Math.max(1, load.largestMemoryMb())), 0, RoundingMode.FLOOR).longValue());
        BigDecimal byMemory = meanWall.signum() == 0 ? null : BigDecimal.valueOf(slots).multiply(monthMs)
                .divide(meanWall, MC);
        BigDecimal capacity;
        String limit;
        if (byCpu != null && (byMemory == null || byCpu.compareTo(byMemory) <= 0)) {
            capacity = byCpu;
            limit = "its " + Amounts.quantity(size.vcpu()) + " vCPU at " + Amounts.ms(meanCpu.doubleValue())
                    + " ms of CPU per invocation";
        } else if (byMemory != null) {
            capacity = byMemory;
            limit = slots + " invocations at once in " + Amounts.quantity(size.memoryGb()) + " GB, "
                    + Amounts.ms(meanWall.doubleValue()) + " ms each";
        } else {
            capacity = null;
            limit = "nothing ran";
        }
        BigDecimal containers = capacity == null || capacity.signum() == 0 ? BigDecimal.ONE
                : requests.divide(capacity, 0, RoundingMode.CEILING).max(BigDecimal.ONE);
        return new Plan(size, override != null, capacity, limit, containers);
    }

    /** The month's bill: per function its share by wall time, the arithmetic, no free tier. */
    static ProviderBill bill(Provider p, Map<String, MeteredUsage> byFunction, ContainerLoad load, BigDecimal factor,
            ContainerSize override) {
        BigDecimal requests = BigDecimal.valueOf(load.invocations()).multiply(factor);
        Plan plan = plan(p, load, requests, override);
        BigDecimal hours = p.container().hoursPerMonth().multiply(plan.containers());
        List<String> lines = new ArrayList<>();
        lines.add(sizing(load, plan));
        if (plan.capacity() != null) {
            lines.add("one container serves up to " + Amounts.quantity(plan.capacity().setScale(0, RoundingMode.FLOOR))
                    + " requests a month at full utilisation (limited by " + plan.limit() + "); "
                    + Amounts.quantity(requests) + " requests → " + Amounts.quantity(plan.containers())
                    + (plan.containers().compareTo(BigDecimal.ONE) == 0 ? " container" : " containers"));
        }
        Cost total = Cost.ZERO;
        for (Rate rate : p.rates()) {
            BigDecimal size = rate.unit() == Unit.VCPU_HOURS ? plan.size().vcpu() : plan.size().memoryGb();
            BigDecimal q = hours.multiply(size);
            BigDecimal charge = rate.charge(q);
            total = total.plus(Unit.VCPU_HOURS, charge); // every container charge is compute
            lines.add(Amounts.quantity(plan.containers()) + " × " + Amounts.quantity(p.container().hoursPerMonth())
                    + " h × " + Amounts.quantity(size) + " " + rate.unit().sizeUnit() + " = " + Amounts.quantity(q) + " "
                    + rate.unit().id() + " × " + Amounts.price(rate.price(), rate.per()) + " = " + Amounts.usd(charge));
        }
        BigDecimal allMs = byFunction.values().stream().map(u -> u.total(Measure.BILLABLE_MS))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Cost> shares = new LinkedHashMap<>();
        Map<String, List<String>> perFunction = new LinkedHashMap<>();
        for (var e : byFunction.entrySet()) {
            BigDecimal ms = e.getValue().total(Measure.BILLABLE_MS);
            BigDecimal share = allMs.signum() == 0 ? BigDecimal.ZERO
                    : total.compute().multiply(ms).divide(allMs, 20, RoundingMode.HALF_EVEN);
            shares.put(e.getKey(), Cost.ZERO.plus(Unit.VCPU_HOURS, share));
            perFunction.put(e.getKey(), List.of("its share of the container by wall time: " + Amounts.quantity(ms)
                    + " of " + Amounts.quantity(allMs) + " ms = " + Amounts.usd(share)));
        }
        return new ProviderBill(p, shares, shares, total, total, perFunction, lines,
                List.of("no free tier: an always-on container is billed every hour, busy or idle"));
    }

    /** The month's total for {@code factor} times the observed load, as {@link #bill} adds it up. */
    static BigDecimal monthly(Provider p, ContainerLoad load, BigDecimal factor, ContainerSize override) {
        Plan plan = plan(p, load, BigDecimal.valueOf(load.invocations()).multiply(factor), override);
        BigDecimal hours = p.container().hoursPerMonth().multiply(plan.containers());
        BigDecimal sum = BigDecimal.ZERO;
        for (Rate rate : p.rates()) {
            sum = sum.add(rate.charge(hours.multiply(rate.unit() == Unit.VCPU_HOURS ? plan.size().vcpu()
                    : plan.size().memoryGb())));
        }
        return sum;
    }

    private static String sizing(ContainerLoad load, Plan plan) {
        if (plan.sizedByUser()) {
            return "size " + plan.size() + " (--container-size)";
        }
        return "sized from the observed peak: " + load.peakConcurrency() + " invocation"
                + (load.peakConcurrency() == 1 ? "" : "s") + " at once" + (load.peakAt() == null ? "" : " (at "
                + load.peakAt() + ")") + ", " + Math.round(load.cpuShare() * 100) + "% of their wall time on the CPU, "
                + Amounts.quantity(Math.max(load.peakMemoryMb(), load.largestMemoryMb())) + " MB of function memory → "
                + plan.size();
    }

    private static BigDecimal hourly(Provider p, ContainerSize s) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Rate r : p.rates()) {
            sum = sum.add(r.charge(r.unit() == Unit.VCPU_HOURS ? s.vcpu() : s.memoryGb()));
        }
        return sum;
    }
}
