package dev.localfaas.runtime.metering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The arithmetic behind a charge, written out for people learning how serverless is billed, e.g.
 * {@code 1,250 requests × $0.20 / 1M = $0.000250} and
 * {@code 1,250 × 13 ms × 0.125 GB = 2.031 GB-s × $0.0000166667 = $0.000034}.
 */
final class Arithmetic {
    private static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1024);

    private Arithmetic() {
    }

    /** The charge for one rate before any free tier: one line, or one per memory size and a sum. */
    static List<String> usage(Provider p, Rate rate, MeteredUsage usage, BigDecimal quantity, BigDecimal charge,
            boolean linear) {
        String priced = linear ? " × " + Amounts.price(rate.price(), rate.per()) + " = " + Amounts.usd(charge)
                : " × tiered prices (see the total) = " + Amounts.usd(charge);
        if (rate.unit().isRequests()) {
            return List.of(requests(quantity) + priced);
        }
        String unit = " " + rate.unit().id();
        List<MeteredUsage.Group> groups = usage.groups().stream().filter(g -> g.count().signum() > 0).toList();
        if (groups.isEmpty()) {
            return List.of("0" + unit + " = " + Amounts.usd(charge));
        }
        if (groups.size() == 1) {
            return List.of(term(p, rate.unit(), groups.get(0)) + " = " + Amounts.quantity(quantity) + unit + priced);
        }
        List<String> lines = new ArrayList<>();
        for (MeteredUsage.Group g : groups) {
            lines.add(term(p, rate.unit(), g) + " = "
                    + Amounts.quantity(CostCalculator.quantity(p, rate.unit(), g)) + unit);
        }
        lines.add(Amounts.quantity(quantity) + unit + " in all" + priced);
        return lines;
    }

    /** How the monthly free allowance (and volume tiers) turn the total quantity into the bill. */
    static String freeTier(Rate rate, BigDecimal total, BigDecimal billable, BigDecimal charge) {
        StringBuilder s = new StringBuilder(amount(rate, total));
        if (rate.freeTier().signum() > 0) {
            s.append(" − ").append(Amounts.quantity(rate.freeTier())).append(" free = ")
                    .append(amount(rate, billable)).append(" billable");
        } else {
            s.append(" (no free allowance)");
        }
        if (billable.signum() == 0) {
            return s.append(" → ").append(Amounts.usd(charge)).toString();
        }
        List<Rate.Segment> segments = rate.segments(billable);
        if (segments.size() == 1) {
            return s.append(" × ").append(Amounts.price(rate.price(), rate.per())).append(" = ")
                    .append(Amounts.usd(charge)).toString();
        }
        return s.append(": ").append(segments.stream()
                        .map(seg -> Amounts.quantity(seg.quantity()) + " × " + Amounts.price(seg.price(), rate.per()))
                        .collect(Collectors.joining(" + ")))
                .append(" = ").append(Amounts.usd(charge)).toString();
    }

    /** {@code 2.031 GB-s}, {@code 1 request}, {@code 0 requests}. */
    private static String amount(Rate rate, BigDecimal q) {
        return rate.unit().isRequests() ? requests(q) : Amounts.quantity(q) + " " + rate.unit().id();
    }

    /** {@code 1,250 × 13 ms × 0.125 GB}: what a memory size's invocations multiply up to. */
    private static String term(Provider p, Unit unit, MeteredUsage.Group g) {
        String time = time(g);
        return switch (unit) {
            case GB_SECONDS, GIB_SECONDS -> {
                int billedMb = p.billing().billableMemoryMb(g.memoryMb());
                String size = Amounts.quantity(BigDecimal.valueOf(billedMb).divide(MB_PER_GB)) + " " + unit.sizeUnit();
                yield time + " × " + size + (billedMb == g.memoryMb() ? ""
                        : " (" + Amounts.quantity(g.memoryMb()) + " MB billed as " + Amounts.quantity(billedMb) + " MB)");
            }
            case VCPU_SECONDS -> {
                CpuStep step = p.cpuStepFor(g.memoryMb());
                yield time + " × " + Amounts.quantity(step.vcpu()) + " vCPU (the CPU of "
                        + Amounts.quantity(step.memoryMb()) + " MB)";
            }
            case CPU_MS -> time + (p.billing().timeBasis() == BillingRules.TimeBasis.CPU
                    ? " wall-clock (stand-in for CPU time)" : "");
            case REQUESTS -> requests(g.count());
        };
    }

    private static String requests(BigDecimal n) {
        return Amounts.quantity(n) + (n.compareTo(BigDecimal.ONE) == 0 ? " request" : " requests");
    }

    /** {@code 1,250 × 13 ms}, or the total when the mean has no short exact form. */
    private static String time(MeteredUsage.Group g) {
        BigDecimal mean = g.billableMs().divide(g.count(), 3, RoundingMode.HALF_UP);
        boolean exact = mean.multiply(g.count()).compareTo(g.billableMs()) == 0;
        if (exact) {
            return Amounts.quantity(g.count()) + " × " + Amounts.quantity(mean) + " ms";
        }
        return Amounts.quantity(g.billableMs()) + " ms (" + Amounts.quantity(g.count()) + " × " + Amounts.quantity(mean)
                + " ms on average)";
    }
}
