package dev.localfaas.runtime.observe;

import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * One function's traffic, second by second for the last {@value #SECONDS} seconds and in total since start:
 * invocations, errors, throttles, cold starts and a latency histogram per second, so that rates and percentiles over
 * the last minute, the last 15 minutes and since start come from fixed-size arrays.
 */
final class FunctionWindow {

    static final int SECONDS = 900;

    private final Slot[] slots = new Slot[SECONDS];
    private final long[] allTime = new long[LatencyBuckets.COUNT];
    private long invocations;
    private long errors;
    private long throttles;
    private long coldStarts;
    private double initMsTotal;

    private static final class Slot {
        long second = -1;
        int count;
        int errors;
        int throttles;
        int cold;
        double sumMs;
        final long[] latency = new long[LatencyBuckets.COUNT];

        void reset(long second) {
            this.second = second;
            count = errors = throttles = cold = 0;
            sumMs = 0;
            java.util.Arrays.fill(latency, 0);
        }
    }

    synchronized void add(InvocationResult r) {
        long second = r.start().getEpochSecond();
        Slot slot = slot(second);
        if (r.outcome() == Outcome.THROTTLED) {
            throttles++;
            if (slot != null) {
                slot.throttles++;
            }
            return;
        }
        invocations++;
        int bucket = LatencyBuckets.index(r.durationMs());
        allTime[bucket]++;
        if (r.failed()) {
            errors++;
        }
        if (r.coldStart()) {
            coldStarts++;
            initMsTotal += r.initMs();
        }
        if (slot != null) {
            slot.count++;
            slot.sumMs += r.durationMs();
            slot.latency[bucket]++;
            if (r.failed()) {
                slot.errors++;
            }
            if (r.coldStart()) {
                slot.cold++;
            }
        }
    }

    /** The slot of {@code second}, recycled from {@value #SECONDS} s ago; null when the second is older than that. */
    private Slot slot(long second) {
        int i = (int) Math.floorMod(second, (long) SECONDS);
        Slot s = slots[i];
        if (s == null) {
            s = slots[i] = new Slot();
        }
        if (s.second == second) {
            return s;
        }
        if (s.second > second) {
            return null; // a result reported very late: counted in the totals only
        }
        s.reset(second);
        return s;
    }

    /** Figures over the last {@code seconds} seconds before {@code nowSecond} (inclusive). */
    synchronized Window window(long nowSecond, int seconds) {
        long[] latency = new long[LatencyBuckets.COUNT];
        long count = 0;
        long errs = 0;
        long thr = 0;
        for (Slot s : slots) {
            if (s != null && s.second > nowSecond - seconds && s.second <= nowSecond) {
                count += s.count;
                errs += s.errors;
                thr += s.throttles;
                for (int i = 0; i < latency.length; i++) {
                    latency[i] += s.latency[i];
                }
            }
        }
        return new Window(count, errs, thr, LatencyBuckets.quantile(latency, count, 0.5),
                LatencyBuckets.quantile(latency, count, 0.95), LatencyBuckets.quantile(latency, count, 0.99));
    }

    synchronized Window sinceStart() {
        return new Window(invocations, errors, throttles, LatencyBuckets.quantile(allTime, invocations, 0.5),
                LatencyBuckets.quantile(allTime, invocations, 0.95), LatencyBuckets.quantile(allTime, invocations, 0.99));
    }

    synchronized long coldStarts() {
        return coldStarts;
    }

    synchronized double meanInitMs() {
        return coldStarts == 0 ? 0 : initMsTotal / coldStarts;
    }

    /**
     * The last {@code points} periods of {@code periodSeconds} each, oldest first: invocations per second and mean
     * duration in each, for the charts.
     */
    synchronized List<Point> series(long nowSecond, int points, int periodSeconds) {
        List<Point> out = new ArrayList<>(points);
        long first = nowSecond - (long) points * periodSeconds + 1;
        for (int p = 0; p < points; p++) {
            long from = first + (long) p * periodSeconds;
            long count = 0;
            long errs = 0;
            double sum = 0;
            for (long sec = from; sec < from + periodSeconds; sec++) {
                Slot s = slots[(int) Math.floorMod(sec, (long) SECONDS)];
                if (s != null && s.second == sec) {
                    count += s.count;
                    errs += s.errors;
                    sum += s.sumMs;
                }
            }
            out.add(new Point(from, (double) count / periodSeconds, count == 0 ? 0 : sum / count, errs));
        }
        return out;
    }

    /** Rates and percentiles over one window; durations in ms (bucket upper bounds, within 10 %). */
    record Window(long invocations, long errors, long throttles, double p50, double p95, double p99) {
        double errorPercent() {
            return invocations == 0 ? 0 : 100.0 * errors / invocations;
        }
    }

    /** One chart point: the period's first second, invocations per second, mean duration in ms, errors. */
    record Point(long second, double perSecond, double meanMs, long errors) {
    }
}
