package dev.localfaas.runtime.observe;

/**
 * Log-scale duration buckets, 10 % wide, from 0.01 ms to beyond Lambda's 15-minute limit: enough to tell p50, p95
 * and p99 apart within 10 % while a window of any length costs a fixed array, not one number per invocation.
 */
final class LatencyBuckets {

    static final int COUNT = 200;
    private static final double FIRST_MS = 0.01;
    private static final double GROWTH = 1.1;
    private static final double LOG_GROWTH = Math.log(GROWTH);

    private LatencyBuckets() {
    }

    static int index(double ms) {
        if (ms <= FIRST_MS) {
            return 0;
        }
        int i = (int) Math.ceil(Math.log(ms / FIRST_MS) / LOG_GROWTH);
        return Math.min(COUNT - 1, i);
    }

    /** The upper bound of bucket {@code i}, in ms: what a percentile falling in it reports. */
    static double upperMs(int i) {
        return FIRST_MS * Math.pow(GROWTH, i);
    }

    /** The {@code q} quantile (0..1) of the counts, as a bucket's upper bound; 0 when empty. */
    static double quantile(long[] counts, long total, double q) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return upperMs(i);
            }
        }
        return upperMs(counts.length - 1);
    }
}
