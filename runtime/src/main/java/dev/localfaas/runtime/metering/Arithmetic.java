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
        if (rate.unit().charge() == Unit.Charge.SERVICES) {
            return List.of(rate.unit().label() + ": " + Amounts.quantity(quantity) + " " + rate.unit().id()
                    + serviceBasis(rate.unit()) + priced);
        }
        String unit = " " + rate.unit().id();
        List<MeteredUsage.Group> groups = usage.groups().stream().filter(g -> g.count().signum() > 0).toList();
        if (groups.isEmpty()) {
            return List.of("0" + unit + " = " + Amounts.usd(charge));
        }
        List<String> lines = new ArrayList<>();
        if (rate.equals(p.computeRates().get(0))) { // once per function, before its first compute line
            for (MeteredUsage.Group g : groups) {
                rounding(p, rate.unit(), g).ifPresent(lines::add);
            }
        }
        if (groups.size() == 1) {
            lines.add(term(p, rate.unit(), groups.get(0)) + " = " + Amounts.quantity(quantity) + unit + priced);
            return lines;
        }
        for (MeteredUsage.Group g : groups) {
            lines.add(term(p, rate.unit(), g) + " = "
                    + Amounts.quantity(CostCalculator.quantity(p, rate.unit(), g)) + unit);
        }
        lines.add(Amounts.quantity(quantity) + unit + " in all" + priced);
        return lines;
    }

    /** Where a service line's count comes from, so that a student can check it against the records. */
    private static String serviceBasis(Unit unit) {
        return switch (unit) {
            case HTTP_API_REQUESTS -> " (HTTP calls in payload format 2.0, one per 512 KB)";
            case REST_API_REQUESTS -> " (HTTP calls in payload format 1.0)";
            case SQS_REQUESTS -> " (per queue delivery: a ReceiveMessage per 64 KB and a DeleteMessageBatch)";
            case SNS_REQUESTS -> " (topic publishes, one per 64 KB)";
            case EVENTBRIDGE_EVENTS -> " (custom events, one per 64 KB)";
            case SCHEDULER_INVOCATIONS -> " (scheduled invocations)";
            case MSK_DATA_OUT_GB -> " (the Kafka events' bytes, as an MSK Serverless cluster bills the reads)";
            default -> "";
        };
    }

    /**
     * {@code 1,250 × 3.2 ms measured → billed as 1,250 × 100 ms (at least 100 ms each)}: shown for the wall-clock
     * charges of a provider whose minimum or rounding changes the time billed.
     */
    private static java.util.Optional<String> rounding(Provider p, Unit unit, MeteredUsage.Group g) {
        if (unit.isCpuTime() || unit == Unit.VCPU_HOURS) {
            return java.util.Optional.empty();
        }
        BigDecimal measuredMs = g.get(Measure.MEASURED_US).divide(BigDecimal.valueOf(1000));
        BillingRules b = p.billing();
        boolean coarse = b.minimumBilledMs() > 0 || b.durationRoundingMs() > 1;
        if (!coarse || measuredMs.signum() == 0) {
            return java.util.Optional.empty();
        }
        String rule = (b.minimumBilledMs() > 0 ? "at least " + b.minimumBilledMs() + " ms each, " : "")
                + "rounded up to " + b.durationRoundingMs() + " ms each";
        return java.util.Optional.of(Amounts.quantity(g.count()) + " × " + Amounts.quantity(
                measuredMs.divide(g.count(), 3, RoundingMode.HALF_UP)) + " ms measured (on average"
                + (b.includesInit() ? ", init included" : ", init not billed") + ") → billed as " + time(g.count(),
                g.billableMs()) + " (" + rule + ")");
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
        return rate.unit().isRequests() ? requests(q) : (rate.unit().charge() == Unit.Charge.SERVICES
                ? rate.unit().label() + ": " : "") + Amounts.quantity(q) + " " + rate.unit().id();
    }

    /** {@code 1,250 × 13 ms × 0.125 GB}: what a memory size's invocations multiply up to. */
    private static String term(Provider p, Unit unit, MeteredUsage.Group g) {
        String time = time(g.count(), g.billableMs());
        return switch (unit) {
            case GB_SECONDS, GIB_SECONDS, GB_HOURS -> {
                int billedMb = p.billing().billableMemoryMb(g.memoryMb());
                String size = Amounts.quantity(BigDecimal.valueOf(billedMb).divide(MB_PER_GB)) + " " + unit.sizeUnit();
                BigDecimal measured = g.get(Measure.MEASURED_MEMORY);
                yield time + " × " + size + (billedMb == g.memoryMb() ? ""
                        : " (" + Amounts.quantity(g.memoryMb()) + " MB billed as " + Amounts.quantity(billedMb) + " MB)")
                        + (measured.signum() == 0 ? "" : measured.compareTo(g.count()) == 0 ? " (measured memory)"
                        : " (" + Amounts.quantity(measured) + " of them on measured memory)")
                        + (unit == Unit.GB_HOURS ? " ÷ 3,600,000 ms an hour" : "");
            }
            case VCPU_SECONDS -> {
                CpuStep step = p.cpuStepFor(g.memoryMb());
                yield time + " × " + Amounts.quantity(step.vcpu()) + " vCPU (the CPU of "
                        + Amounts.quantity(step.memoryMb()) + " MB)";
            }
            case CPU_MS, CPU_HOURS -> time(g.count(), g.get(Measure.CPU_MS)) + " of CPU time"
                    + (g.get(Measure.CPU_STAND_INS).signum() > 0 ? " (" + Amounts.quantity(g.get(Measure.CPU_STAND_INS))
                    + " not measured: estimated from the CPU share of those that were, or their wall-clock time when "
                    + "none was)" : "")
                    + (unit == Unit.CPU_HOURS ? " ÷ 3,600,000 ms an hour" : "");
            default -> requests(g.count());
        };
    }

    private static String requests(BigDecimal n) {
        return Amounts.quantity(n) + (n.compareTo(BigDecimal.ONE) == 0 ? " request" : " requests");
    }

    /** {@code 1,250 × 13 ms}, or the total when the mean has no short exact form. */
    private static String time(BigDecimal count, BigDecimal ms) {
        BigDecimal mean = ms.divide(count, 3, RoundingMode.HALF_UP);
        boolean exact = mean.multiply(count).compareTo(ms) == 0;
        if (exact) {
            return Amounts.quantity(count) + " × " + Amounts.quantity(mean) + " ms";
        }
        return Amounts.quantity(ms) + " ms (" + Amounts.quantity(count) + " × " + Amounts.quantity(mean)
                + " ms on average)";
    }
}
