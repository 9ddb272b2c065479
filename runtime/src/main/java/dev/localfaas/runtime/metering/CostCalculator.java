package dev.localfaas.runtime.metering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prices metered usage with one provider's rates, in exact decimals.
 *
 * <p>Free tiers and volume tiers belong to an account's month, not to a function: they are applied to the total,
 * and each function's bill after the free tier is its share of the total in proportion to its quantity.
 */
final class CostCalculator {
    private static final BigDecimal MS_TIMES_MB_PER_GB_S = BigDecimal.valueOf(1_024_000);
    private static final BigDecimal MS_PER_S = BigDecimal.valueOf(1000);
    private static final BigDecimal BYTES_PER_GB = BigDecimal.valueOf(1L << 30);
    private static final BigDecimal MS_PER_H = BigDecimal.valueOf(3_600_000);
    private static final BigDecimal MS_TIMES_MB_PER_GB_H = BigDecimal.valueOf(3_686_400_000L);
    private static final int SHARE_SCALE = 20;

    private CostCalculator() {
    }

    static ProviderBill bill(Provider p, Map<String, MeteredUsage> byFunction, boolean freeTier) {
        Map<String, Cost> before = new LinkedHashMap<>();
        Map<String, Cost> after = new LinkedHashMap<>();
        Map<String, List<String>> lines = new LinkedHashMap<>();
        byFunction.keySet().forEach(f -> {
            before.put(f, Cost.ZERO);
            after.put(f, Cost.ZERO);
            lines.put(f, new ArrayList<>());
        });
        MeteredUsage all = MeteredUsage.merge(byFunction.values());
        Cost totalBefore = Cost.ZERO;
        Cost totalAfter = Cost.ZERO;
        List<String> totalLines = new ArrayList<>();
        List<String> freeTierLines = new ArrayList<>();
        for (Rate rate : p.rates()) {
            BigDecimal total = quantity(p, rate.unit(), all);
            if (rate.unit().charge() == Unit.Charge.SERVICES && total.signum() == 0) {
                continue; // a service the records never used (no queue, no topic) is no line on the bill
            }
            BigDecimal chargeBefore = rate.charge(total);
            BigDecimal billable = freeTier ? total.subtract(rate.freeTier()).max(BigDecimal.ZERO) : total;
            BigDecimal chargeAfter = freeTier ? rate.charge(billable) : chargeBefore;
            boolean linear = rate.linearUpTo(total);
            for (var e : byFunction.entrySet()) {
                BigDecimal q = quantity(p, rate.unit(), e.getValue());
                BigDecimal b = linear ? rate.linearCharge(q) : share(chargeBefore, q, total);
                BigDecimal a = freeTier ? share(chargeAfter, q, total) : b;
                before.merge(e.getKey(), only(rate, b), CostCalculator::sum);
                after.merge(e.getKey(), only(rate, a), CostCalculator::sum);
                lines.get(e.getKey()).addAll(Arithmetic.usage(p, rate, e.getValue(), q, b, linear));
            }
            totalBefore = sum(totalBefore, only(rate, chargeBefore));
            totalAfter = sum(totalAfter, only(rate, chargeAfter));
            totalLines.addAll(Arithmetic.usage(p, rate, all, total, chargeBefore, true));
            if (freeTier) {
                freeTierLines.add(Arithmetic.freeTier(rate, total, billable, chargeAfter));
            }
        }
        if (freeTier && p.monthlyFee().signum() > 0) {
            totalAfter = totalAfter.withFee(p.monthlyFee());
            freeTierLines.add("plan fee: " + Amounts.price(p.monthlyFee()) + " a month, whatever the usage "
                    + "(it buys the free allowance above)");
        }
        return new ProviderBill(p, before, after, totalBefore, totalAfter, lines, totalLines, freeTierLines,
                all.requests().longValue(), all.total(Measure.MEASURED_MEMORY).longValue());
    }

    /**
     * The account's month on {@code p} for all of {@code all}, after the free tier when it applies, plan fee
     * included: the same sum as {@link #bill}'s {@code totalAfter}, without the per-function shares and the
     * arithmetic, for the many volumes a break-even search prices.
     */
    static BigDecimal monthly(Provider p, MeteredUsage all, boolean freeTier) {
        BigDecimal sum = freeTier ? p.monthlyFee() : BigDecimal.ZERO;
        for (Rate rate : p.rates()) {
            BigDecimal total = quantity(p, rate.unit(), all);
            sum = sum.add(rate.charge(freeTier ? total.subtract(rate.freeTier()).max(BigDecimal.ZERO) : total));
        }
        return sum;
    }

    /** How many of {@code unit} the usage comes to, exact: GB is 1,024 MB, as every provider here counts it. */
    static BigDecimal quantity(Provider p, Unit unit, MeteredUsage usage) {
        BigDecimal sum = BigDecimal.ZERO;
        for (MeteredUsage.Group g : usage.groups()) {
            sum = sum.add(quantity(p, unit, g));
        }
        return sum;
    }

    static BigDecimal quantity(Provider p, Unit unit, MeteredUsage.Group g) {
        return switch (unit) {
            case REQUESTS -> g.count();
            case GB_SECONDS, GIB_SECONDS -> g.billableMs()
                    .multiply(BigDecimal.valueOf(p.billing().billableMemoryMb(g.memoryMb())))
                    .divide(MS_TIMES_MB_PER_GB_S); // 1,024,000 = 2^13 x 5^3: the quotient always terminates
            case VCPU_SECONDS -> g.billableMs().multiply(p.cpuStepFor(g.memoryMb()).vcpu()).divide(MS_PER_S);
            case CPU_MS -> g.get(Measure.CPU_MS);
            case CPU_HOURS -> g.get(Measure.CPU_MS).divide(MS_PER_H, SHARE_SCALE, RoundingMode.HALF_EVEN);
            case GB_HOURS -> g.billableMs().multiply(BigDecimal.valueOf(p.billing().billableMemoryMb(g.memoryMb())))
                    .divide(MS_TIMES_MB_PER_GB_H, SHARE_SCALE, RoundingMode.HALF_EVEN);
            case VCPU_HOURS -> BigDecimal.ZERO; // containers are billed by ContainerCalculator, not per invocation
            case HTTP_API_REQUESTS -> g.get(Measure.HTTP_API_REQUESTS);
            case REST_API_REQUESTS -> g.get(Measure.REST_API_REQUESTS);
            case SQS_REQUESTS -> g.get(Measure.SQS_REQUESTS);
            case SNS_REQUESTS -> g.get(Measure.SNS_REQUESTS);
            case EVENTBRIDGE_EVENTS -> g.get(Measure.EVENTBRIDGE_EVENTS);
            case SCHEDULER_INVOCATIONS -> g.get(Measure.SCHEDULER_INVOCATIONS);
            case MSK_DATA_OUT_GB -> g.get(Measure.KAFKA_EVENT_BYTES).divide(BYTES_PER_GB); // 2^30: always terminates
        };
    }

    /** {@code charge × part / whole}: a function's proportional share of an account-level charge. */
    private static BigDecimal share(BigDecimal charge, BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0 || charge.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return charge.multiply(part).divide(whole, SHARE_SCALE, RoundingMode.HALF_EVEN);
    }

    private static Cost only(Rate rate, BigDecimal amount) {
        return Cost.ZERO.plus(rate.unit(), amount);
    }

    private static Cost sum(Cost a, Cost b) {
        return a.plus(b);
    }
}
