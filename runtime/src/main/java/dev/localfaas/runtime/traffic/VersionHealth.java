package dev.localfaas.runtime.traffic;

import dev.localfaas.runtime.execution.InvocationListener;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The recent calls of every function version (a sliding window, as CloudWatch metrics would hold them), judged
 * against {@link HealthRules}: what {@code /_faas/health} reports and what a deployment watches to roll back.
 */
public final class VersionHealth implements InvocationListener {

    /** Kept per version at most: enough for any window at local rates, bounded for a long run. */
    private static final int MAX_SAMPLES = 20_000;
    private static final long KEEP_NANOS = java.time.Duration.ofMinutes(10).toNanos();

    private record Sample(long atNanos, Outcome outcome, double durationMs) {
    }

    private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, String>> watchers = new CopyOnWriteArrayList<>();

    @Override
    public void onInvocation(InvocationResult result) {
        if (result.outcome() == Outcome.THROTTLED) {
            return; // a throttle says nothing of the version's code
        }
        Deque<Sample> d = samples.computeIfAbsent(key(result.function(), result.version()), k -> new ArrayDeque<>());
        long now = System.nanoTime();
        synchronized (d) {
            d.addLast(new Sample(now, result.outcome(), result.durationMs()));
            while (d.size() > MAX_SAMPLES || (!d.isEmpty() && now - d.peekFirst().atNanos() > KEEP_NANOS)) {
                d.pollFirst();
            }
        }
        watchers.forEach(w -> w.accept(result.function(), result.version()));
    }

    /** Told (function, version) after every call is counted; a deployment judges its new version there. */
    public void watch(BiConsumer<String, String> watcher) {
        watchers.add(watcher);
    }

    /** The versions that ran, as {@code function:version}. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>(samples.keySet());
        keys.sort(null);
        return keys;
    }

    public HealthReport report(String function, String version, HealthRules rules) {
        Deque<Sample> d = samples.get(key(function, version));
        long since = System.nanoTime() - rules.window().toNanos();
        List<Sample> recent = new ArrayList<>();
        if (d != null) {
            synchronized (d) {
                for (var it = d.descendingIterator(); it.hasNext(); ) {
                    Sample s = it.next();
                    if (s.atNanos() < since) {
                        break;
                    }
                    recent.add(s);
                }
            }
        }
        long n = recent.size();
        long timeouts = recent.stream().filter(s -> s.outcome() == Outcome.TIMEOUT).count();
        long errors = recent.stream().filter(s -> s.outcome() != Outcome.OK).count();
        double errorRate = n == 0 ? 0 : (double) errors / n;
        double timeoutRate = n == 0 ? 0 : (double) timeouts / n;
        double p99 = p99(recent);
        String reason = "";
        if (n >= rules.minRequests()) {
            if (rules.errorRate() > 0 && errorRate > rules.errorRate()) {
                reason = "error rate " + HealthRules.percent(errorRate) + " (" + errors + " of " + n + " calls) is over "
                        + HealthRules.percent(rules.errorRate());
            } else if (rules.timeoutRate() > 0 && timeoutRate > rules.timeoutRate()) {
                reason = "timeout rate " + HealthRules.percent(timeoutRate) + " (" + timeouts + " of " + n
                        + " calls) is over " + HealthRules.percent(rules.timeoutRate());
            } else if (rules.p99Millis() > 0 && p99 > rules.p99Millis()) {
                reason = "p99 latency " + Math.round(p99) + " ms is over " + rules.p99Millis() + " ms";
            }
        }
        String status = !reason.isEmpty() ? HealthReport.FAILING : errors > 0 ? HealthReport.DEGRADED
                : HealthReport.HEALTHY;
        if (!reason.isEmpty()) {
            reason += " over the last " + rules.window().toSeconds() + " s";
        }
        return new HealthReport(function, version, status, n, errors, timeouts, errorRate, timeoutRate, p99, reason);
    }

    private static double p99(List<Sample> recent) {
        if (recent.isEmpty()) {
            return 0;
        }
        double[] d = recent.stream().mapToDouble(Sample::durationMs).toArray();
        Arrays.sort(d);
        return d[Math.min(d.length - 1, (int) Math.ceil(d.length * 0.99) - 1)];
    }

    private static String key(String function, String version) {
        return function + ":" + version;
    }
}
