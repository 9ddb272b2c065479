package dev.localfaas.runtime.metering;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How money, prices and quantities are written in reports: the same everywhere, whatever the user's locale. */
public final class Amounts {
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal TEN_MICRO = new BigDecimal("0.00001");

    private Amounts() {
    }

    /**
     * {@code $0.000250}: six places, as the report's arithmetic shows; an amount so small that six places would
     * leave it less than two significant digits keeps two ({@code $0.0000012}), so that it never reads as $0.
     */
    public static String usd(BigDecimal amount) {
        if (amount.signum() != 0 && amount.abs().compareTo(TEN_MICRO) < 0) {
            return "$" + amount.round(new MathContext(2, RoundingMode.HALF_UP)).toPlainString();
        }
        return "$" + amount.setScale(6, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code $0.20} or {@code $0.0000166667}: a price as the price book gives it, at least two places. */
    public static String price(BigDecimal price) {
        BigDecimal p = price.stripTrailingZeros();
        return "$" + (p.scale() < 2 ? p.setScale(2) : p).toPlainString();
    }

    /** {@code $0.20 / 1M}: a price per {@code per} units. */
    public static String price(BigDecimal price, BigDecimal per) {
        if (per.compareTo(BigDecimal.ONE) == 0) {
            return price(price);
        }
        return price(price) + " / " + (per.compareTo(MILLION) == 0 ? "1M" : quantity(per));
    }

    /** {@code 1,250} or {@code 2.031}: grouped, at most three places; below 1, three significant digits. */
    public static String quantity(BigDecimal q) {
        if (q.signum() != 0 && q.abs().compareTo(BigDecimal.ONE) < 0) {
            return q.round(new MathContext(3, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
        }
        DecimalFormat f = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(q);
    }

    public static String quantity(long q) {
        return quantity(BigDecimal.valueOf(q));
    }

    /** {@code 1 error}, {@code 2 errors}: a count and its noun. */
    public static String count(long n, String one, String many) {
        return quantity(n) + " " + (n == 1 ? one : many);
    }

    /** Milliseconds with two places, as Lambda's REPORT line writes durations. */
    public static String ms(double ms) {
        return BigDecimal.valueOf(ms).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * A dollar amount or quantity for machines (JSON, CSV): full precision, never rounded — products and sums are
     * exact, shares and hour conversions carry 20 decimal places — with no trailing zeros; writers print it plain.
     */
    public static BigDecimal machine(BigDecimal amount) {
        BigDecimal m = amount.stripTrailingZeros();
        return m.signum() == 0 ? BigDecimal.ZERO : m;
    }
}
