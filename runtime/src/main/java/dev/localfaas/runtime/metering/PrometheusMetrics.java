package dev.localfaas.runtime.metering;

import dev.localfaas.runtime.execution.InvocationListener;
import dev.localfaas.runtime.execution.InvocationResult;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Live counters per function, rendered in the Prometheus text exposition format (version 0.0.4) for
 * {@code GET /_faas/metrics}. Durations are in seconds and sizes in bytes, as Prometheus names its base units.
 */
public final class PrometheusMetrics implements InvocationListener {
    /** The Content-Type to serve {@link #render()} with. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** Upper bounds of the duration histogram's buckets, in seconds: 1 ms to Lambda's 15-minute limit. */
    static final double[] BUCKETS = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900};

    private final Map<String, Series> functions = new ConcurrentSkipListMap<>();
    /** Throttled requests by function and reason ("function\nreason"): which limit refused them. */
    private final Map<String, java.util.concurrent.atomic.AtomicLong> throttleReasons = new ConcurrentSkipListMap<>();

    @Override
    public void onInvocation(InvocationResult result) {
        record(UsageRecord.of(result));
        if (result.outcome() == dev.localfaas.runtime.execution.Outcome.THROTTLED) {
            String reason = result.errorType() == null ? "unknown" : result.errorType();
            throttleReasons.computeIfAbsent(result.function() + "\n" + reason,
                    k -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
        }
    }

    public void record(UsageRecord r) {
        functions.computeIfAbsent(r.function(), f -> new Series()).add(r);
    }

    /** Every metric family, each with its HELP and TYPE lines, one sample per function, ending in a newline. */
    public String render() {
        Map<String, Series.Snapshot> s = new java.util.TreeMap<>();
        functions.forEach((name, series) -> s.put(name, series.snapshot()));
        StringBuilder out = new StringBuilder();
        counter(out, s, "faas_invocations_total", "Invocations that ran (throttled requests are not counted).",
                Series.Snapshot::invocations);
        counter(out, s, "faas_errors_total", "Invocations that ended in a function error.", Series.Snapshot::errors);
        counter(out, s, "faas_timeouts_total", "Invocations that ran past the function's timeout.",
                Series.Snapshot::timeouts);
        counter(out, s, "faas_throttles_total", "Requests refused at the function's concurrency limit.",
                Series.Snapshot::throttles);
        counter(out, s, "faas_cold_starts_total", "Invocations that started a new execution environment.",
                Series.Snapshot::coldStarts);
        family(out, "faas_duration_seconds", "histogram", "Handler duration of invocations that ran, init excluded.");
        s.forEach((name, snap) -> {
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += snap.buckets()[i];
                out.append("faas_duration_seconds_bucket{function=\"").append(escape(name)).append("\",le=\"")
                        .append(number(BUCKETS[i])).append("\"} ").append(cumulative).append('\n');
            }
            out.append("faas_duration_seconds_bucket{function=\"").append(escape(name)).append("\",le=\"+Inf\"} ")
                    .append(snap.invocations()).append('\n');
            sample(out, "faas_duration_seconds_sum", name, number(snap.durationSeconds()));
            sample(out, "faas_duration_seconds_count", name, Long.toString(snap.invocations()));
        });
        family(out, "faas_init_duration_seconds", "histogram",
                "Init duration of cold starts (the execution environment's creation and the handler's initialization).");
        s.forEach((name, snap) -> histogram(out, "faas_init_duration_seconds", name, snap.initBuckets(),
                snap.coldStarts(), snap.initSeconds()));
        family(out, "faas_throttles_by_reason_total", "counter",
                "Throttled requests by the limit that refused them (reserved or account concurrency, abandoned handlers).");
        throttleReasons.forEach((key, count) -> {
            int cut = key.indexOf('\n');
            out.append("faas_throttles_by_reason_total{function=\"").append(escape(key.substring(0, cut)))
                    .append("\",reason=\"").append(escape(key.substring(cut + 1))).append("\"} ").append(count.get())
                    .append('\n');
        });
        gauge(out, s, "faas_billed_gb_seconds_total", "counter",
                "AWS-style billed GB-seconds: billed duration (init included) times configured memory.",
                snap -> BigDecimal.valueOf(snap.billedMsTimesMb()).divide(BigDecimal.valueOf(1_024_000)).toPlainString());
        return out.toString();
    }

    private static void histogram(StringBuilder out, String metric, String function, long[] buckets, long count,
                                  double sumSeconds) {
        long cumulative = 0;
        for (int i = 0; i < BUCKETS.length; i++) {
            cumulative += buckets[i];
            out.append(metric).append("_bucket{function=\"").append(escape(function)).append("\",le=\"")
                    .append(number(BUCKETS[i])).append("\"} ").append(cumulative).append('\n');
        }
        out.append(metric).append("_bucket{function=\"").append(escape(function)).append("\",le=\"+Inf\"} ")
                .append(count).append('\n');
        sample(out, metric + "_sum", function, number(sumSeconds));
        sample(out, metric + "_count", function, Long.toString(count));
    }

    private static void counter(StringBuilder out, Map<String, Series.Snapshot> s, String name, String help,
            ToLongFunction<Series.Snapshot> value) {
        gauge(out, s, name, "counter", help, snap -> Long.toString(value.applyAsLong(snap)));
    }

    private static void gauge(StringBuilder out, Map<String, Series.Snapshot> s, String name, String type, String help,
            Function<Series.Snapshot, String> value) {
        family(out, name, type, help);
        s.forEach((function, snap) -> sample(out, name, function, value.apply(snap)));
    }

    private static void family(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String metric, String function, String value) {
        out.append(metric).append("{function=\"").append(escape(function)).append("\"} ").append(value).append('\n');
    }

    /** Label values escape backslash, double quote and line feed; nothing else. */
    static String escape(String labelValue) {
        return labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v).toPlainString();
    }

    /** One function's counters; updated and read under its own lock so a scrape never sees a half-counted call. */
    private static final class Series {
        private final OutcomeCounts outcomes = new OutcomeCounts();
        private long coldStarts;
        private final long[] buckets = new long[BUCKETS.length];
        private double durationSeconds;
        private long billedMsTimesMb;
        private final long[] initBuckets = new long[BUCKETS.length];
        private double initSeconds;

        record Snapshot(long invocations, long errors, long timeouts, long throttles, long coldStarts, long[] buckets,
                double durationSeconds, long billedMsTimesMb, long[] initBuckets, double initSeconds) {
        }

        synchronized void add(UsageRecord r) {
            if (!outcomes.add(r.outcome())) {
                return;
            }
            if (r.coldStart()) {
                coldStarts++;
                double init = r.initMs() / 1000;
                initSeconds += init;
                for (int i = 0; i < BUCKETS.length; i++) {
                    if (init <= BUCKETS[i]) {
                        initBuckets[i]++;
                        break;
                    }
                }
            }
            double seconds = r.durationMs() / 1000;
            durationSeconds += seconds;
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i]++;
                    break;
                }
            }
            billedMsTimesMb += r.billedMs() * (long) r.memoryMb();
        }

        synchronized Snapshot snapshot() {
            return new Snapshot(outcomes.ran(), outcomes.errors(), outcomes.timeouts(), outcomes.throttles(), coldStarts,
                    buckets.clone(), durationSeconds,
                    billedMsTimesMb, initBuckets.clone(), initSeconds);
        }
    }
}
