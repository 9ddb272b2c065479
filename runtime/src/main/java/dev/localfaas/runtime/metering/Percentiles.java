package dev.localfaas.runtime.metering;

import java.util.Arrays;

/**
 * p50, p95, p99 and max of some samples, by the nearest-rank method (the smallest sample with at least p% of the
 * samples at or below it), so every figure is a value that was actually observed.
 *
 * @param count how many samples; all figures are 0 when there were none
 */
public record Percentiles(long count, double p50, double p95, double p99, double max) {

    public static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0);

    public static Percentiles of(double[] samples) {
        if (samples.length == 0) {
            return NONE;
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    private static double rank(double[] sorted, int percent) {
        long rank = ((long) percent * sorted.length + 99) / 100; // ceil in integers: 0.95 * 20 is not 19 in doubles
        return sorted[(int) Math.max(rank, 1) - 1];
    }

    public boolean isEmpty() {
        return count == 0;
    }
}
