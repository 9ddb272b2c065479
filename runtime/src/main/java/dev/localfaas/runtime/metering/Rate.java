package dev.localfaas.runtime.metering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * One price of a provider: {@code price} US dollars per {@code per} units, a monthly free allowance, and optional
 * volume tiers, each a lower price for the quantity above a threshold.
 */
public record Rate(Unit unit, BigDecimal price, BigDecimal per, BigDecimal freeTier, List<Tier> tiers) {

    /** From {@code above} units a month on, each {@code per} units cost {@code price}. */
    public record Tier(BigDecimal above, BigDecimal price) {
    }

    /** A quantity charged at one price; the pieces of a tiered charge. */
    public record Segment(BigDecimal quantity, BigDecimal price) {
    }

    public Rate {
        tiers = List.copyOf(tiers);
    }

    /** The charge for this quantity in one month, tier by tier, exact. */
    public BigDecimal charge(BigDecimal quantity) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Segment s : segments(quantity)) {
            sum = sum.add(perUnit(s.quantity().multiply(s.price())));
        }
        return sum;
    }

    /** The quantity split at the tier thresholds; one segment when no threshold is crossed. */
    public List<Segment> segments(BigDecimal quantity) {
        List<Segment> out = new ArrayList<>();
        BigDecimal from = BigDecimal.ZERO;
        BigDecimal currentPrice = price;
        for (Tier t : tiers) {
            if (quantity.compareTo(t.above()) <= 0) {
                break;
            }
            out.add(new Segment(t.above().subtract(from), currentPrice));
            from = t.above();
            currentPrice = t.price();
        }
        out.add(new Segment(quantity.subtract(from), currentPrice));
        return out;
    }

    /** True when the whole quantity is charged at the first price, so that the charge is linear in it. */
    public boolean linearUpTo(BigDecimal quantity) {
        return tiers.isEmpty() || quantity.compareTo(tiers.get(0).above()) <= 0;
    }

    /** The charge for a quantity at the first price, exact (the per-function charge when no tier is crossed). */
    public BigDecimal linearCharge(BigDecimal quantity) {
        return perUnit(quantity.multiply(price));
    }

    private BigDecimal perUnit(BigDecimal amount) {
        try {
            return amount.divide(per);
        } catch (ArithmeticException nonTerminating) {
            return amount.divide(per, 20, RoundingMode.HALF_EVEN);
        }
    }
}
