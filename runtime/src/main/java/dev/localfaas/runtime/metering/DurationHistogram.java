package dev.localfaas.runtime.metering;

import java.util.ArrayList;
import java.util.List;

/** Handler durations counted in 1-2-5 buckets, for the report's distribution chart. */
public record DurationHistogram(List<Bucket> buckets) {

    /** Durations below {@code upToMs} (and at or above the previous bucket's bound); the last bucket is open. */
    public record Bucket(String label, double upToMs, long count) {
    }

    private static final double[] BOUNDS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000};

    public DurationHistogram {
        buckets = List.copyOf(buckets);
    }

    public static DurationHistogram of(double[] durationsMs) {
        long[] counts = new long[BOUNDS.length + 1];
        for (double d : durationsMs) {
            int i = 0;
            while (i < BOUNDS.length && d >= BOUNDS[i]) {
                i++;
            }
            counts[i]++;
        }
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i <= BOUNDS.length; i++) {
            double upTo = i < BOUNDS.length ? BOUNDS[i] : Double.POSITIVE_INFINITY;
            String label = i < BOUNDS.length ? "<" + label(BOUNDS[i]) : "≥" + label(BOUNDS[BOUNDS.length - 1]);
            buckets.add(new Bucket(label, upTo, counts[i]));
        }
        return new DurationHistogram(buckets);
    }

    private static String label(double ms) {
        return ms >= 1000 ? (long) (ms / 1000) + " s" : (long) ms + " ms";
    }

    public long max() {
        return buckets.stream().mapToLong(Bucket::count).max().orElse(0);
    }
}
