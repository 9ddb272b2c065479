package dev.localfaas.runtime.observe;

import dev.localfaas.runtime.execution.FunctionStats;
import dev.localfaas.runtime.function.FunctionSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the dashboard's overview.
 *
 * @param triggers         badges: {@code http}, {@code schedule}, {@code queue}, {@code topic}, {@code rule}, {@code bucket}
 * @param concurrencyLimit reserved concurrency, else the account's limit
 * @param lastMinute       figures over the last 60 s ({@code perSecond} over 60 s)
 * @param last15Minutes    figures over the last 15 minutes
 * @param sinceStart       figures since the gateway started
 * @param series           the last 15 minutes in 10-second points, oldest first
 */
public record FunctionView(String name, List<String> triggers, int memoryMb, int timeoutSeconds, int concurrencyLimit,
                           int warm, int busy, int abandoned, long coldStarts, double meanInitMs, Figures lastMinute,
                           Figures last15Minutes, Figures sinceStart, List<FunctionWindow.Point> series) {

    /** Invocations per second, error %, throttles and p50/p95/p99 in ms over one window. */
    public record Figures(long invocations, double perSecond, double errorPercent, long throttles, double p50,
                          double p95, double p99) {
        static Figures of(FunctionWindow.Window w, double seconds) {
            return new Figures(w.invocations(), seconds <= 0 ? 0 : w.invocations() / seconds, w.errorPercent(),
                    w.throttles(), w.p50(), w.p95(), w.p99());
        }
    }

    static FunctionView of(FunctionSpec spec, FunctionStats env, FunctionWindow w, long nowSecond, int account) {
        List<String> triggers = new ArrayList<>();
        if (!spec.httpRoutes().isEmpty()) {
            triggers.add("http");
        }
        if (!spec.schedules().isEmpty()) {
            triggers.add("schedule");
        }
        if (!spec.queues().isEmpty()) {
            triggers.add("queue");
        }
        if (!spec.events().topics().isEmpty()) {
            triggers.add("topic");
        }
        if (!spec.events().rules().isEmpty()) {
            triggers.add("rule");
        }
        if (!spec.events().buckets().isEmpty()) {
            triggers.add("bucket");
        }
        FunctionWindow.Window all = w.sinceStart();
        return new FunctionView(spec.name(), triggers, spec.memoryMb(), spec.timeoutSeconds(),
                spec.concurrency() > 0 ? spec.concurrency() : account,
                env == null ? 0 : env.warm(), env == null ? 0 : env.busy(), env == null ? 0 : env.abandoned(),
                w.coldStarts(), w.meanInitMs(), Figures.of(w.window(nowSecond, 60), 60),
                Figures.of(w.window(nowSecond, FunctionWindow.SECONDS), FunctionWindow.SECONDS),
                new Figures(all.invocations(), 0, all.errorPercent(), all.throttles(), all.p50(), all.p95(), all.p99()),
                w.series(nowSecond, 90, 10));
    }
}
