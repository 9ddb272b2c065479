package dev.localfaas.runtime.observe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.execution.FunctionStats;
import dev.localfaas.runtime.execution.InvocationListener;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.function.FunctionSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the dashboard shows, gathered off the response path: an invocation listener feeding the per-function windows,
 * the trace store and the log store, and a clock that, at most once per period and only while someone watches,
 * renders one JSON update and hands it to every subscriber (the SSE stream). A subscriber must not block; the stream
 * drops updates for a slow client instead.
 */
public final class LiveFeed implements InvocationListener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int INITIAL_LOG_LINES = 200;
    private static final int LOG_LINES_PER_UPDATE = 500;
    /** A panel may take at most 1/20 of one core: see {@link Panel}. */
    private static final long PANEL_COST_FACTOR = 20;

    private final Supplier<List<FunctionSpec>> functions;
    private final Supplier<List<FunctionStats>> environments;
    private final int accountConcurrency;
    private final Map<String, FunctionWindow> windows = new ConcurrentHashMap<>();
    private final TraceStore traces = new TraceStore();
    private final LogStore logs;
    private final Map<String, Panel> panels = new LinkedHashMap<>();
    private final List<Consumer<String>> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService clock;
    private final long startedMillis = System.currentTimeMillis();
    private volatile long sentLogSeq;
    private volatile long changes;
    private long renderedChanges = -1;
    private long lastRenderMillis;
    private final Consumer<String> notices;
    private String lastProblem;

    /**
     * @param logDir  where the log store writes ({@code .faas/logs}), or null for memory only
     * @param period  the shortest time between two updates to the subscribers
     */
    public LiveFeed(Supplier<List<FunctionSpec>> functions, Supplier<List<FunctionStats>> environments,
                    int accountConcurrency, java.nio.file.Path logDir, Duration period, Consumer<String> notices) {
        this.functions = functions;
        this.environments = environments;
        this.accountConcurrency = accountConcurrency;
        this.logs = new LogStore(logDir, notices);
        this.notices = notices;
        this.clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faas-live-feed");
            t.setDaemon(true);
            return t;
        });
        clock.scheduleWithFixedDelay(this::tick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Adds a panel to every update: {@code queues}, {@code topics}, {@code schedules}, {@code cost} ... */
    public synchronized LiveFeed panel(String name, Supplier<Object> value) {
        panels.put(name, new Panel(value));
        return this;
    }

    /**
     * A panel's value, computed again only when the time since it was last computed is at least
     * {@value #PANEL_COST_FACTOR} times what computing it took: a panel whose work grows with the traffic since start
     * (the cost so far sweeps every invocation for the container line) is refreshed less often rather than taking a
     * core from the invocations, and a cheap one is fresh on every update.
     */
    private static final class Panel {
        private final Supplier<Object> source;
        private Object value;
        private long nextNanos;

        Panel(Supplier<Object> source) {
            this.source = source;
        }

        Object get() {
            long now = System.nanoTime();
            if (value == null || now - nextNanos >= 0) {
                value = source.get();
                nextNanos = now + PANEL_COST_FACTOR * (System.nanoTime() - now);
            }
            return value;
        }
    }

    public TraceStore traces() {
        return traces;
    }

    public LogStore logs() {
        return logs;
    }

    @Override
    public void onInvocation(InvocationResult result) {
        onInvocations(List.of(result));
    }

    @Override
    public void onInvocations(List<InvocationResult> results) {
        for (InvocationResult r : results) {
            windows.computeIfAbsent(r.function(), f -> new FunctionWindow()).add(r);
            traces.onInvocation(r);
        }
        logs.onInvocations(results);
        changes++;
    }

    /**
     * Subscribes {@code sink} to the updates; it gets a full one at once. Returns what unsubscribes it.
     */
    public Runnable subscribe(Consumer<String> sink) {
        sink.accept(render(Math.max(0, logs.lastSeq() - INITIAL_LOG_LINES)));
        subscribers.add(sink);
        return () -> subscribers.remove(sink);
    }

    public int subscribers() {
        return subscribers.size();
    }

    /** The current overview as JSON, the same document the stream sends (with no log lines). */
    public String overview() {
        return render(Long.MAX_VALUE);
    }

    private void tick() {
        try {
            if (subscribers.isEmpty()) {
                sentLogSeq = logs.lastSeq();
                return;
            }
            long now = System.currentTimeMillis();
            long seen = changes;
            // unchanged: a heartbeat every 5 s keeps the 1-min figures decaying and proxies from closing the stream
            if (seen == renderedChanges && now - lastRenderMillis < 5_000) {
                return;
            }
            renderedChanges = seen;
            lastRenderMillis = now;
            long after = sentLogSeq;
            String update = render(after);
            sentLogSeq = logs.lastSeq();
            for (Consumer<String> s : subscribers) {
                try {
                    s.accept(update);
                } catch (RuntimeException e) {
                    subscribers.remove(s);
                }
            }
        } catch (RuntimeException e) {
            // the clock keeps going (the next tick tries again), but a failure is said once, not every tick
            String problem = "the dashboard update failed: " + e;
            if (!problem.equals(lastProblem)) {
                lastProblem = problem;
                notices.accept(problem);
            }
        }
    }

    private String render(long logsAfter) {
        long now = System.currentTimeMillis();
        long second = now / 1000;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", "update");
        doc.put("at", now);
        doc.put("uptimeSeconds", (now - startedMillis) / 1000);
        Map<String, FunctionStats> envs = new LinkedHashMap<>();
        environments.get().forEach(s -> envs.put(s.function(), s));
        List<Object> fns = new ArrayList<>();
        for (FunctionSpec spec : functions.get()) {
            FunctionWindow w = windows.computeIfAbsent(spec.name(), f -> new FunctionWindow());
            fns.add(FunctionView.of(spec, envs.get(spec.name()), w, second, accountConcurrency));
        }
        doc.put("functions", fns);
        Map<String, Object> p = new LinkedHashMap<>();
        synchronized (this) {
            panels.forEach((name, panel) -> {
                try {
                    p.put(name, panel.get());
                } catch (RuntimeException e) {
                    p.put(name, Map.of("error", String.valueOf(e.getMessage())));
                }
            });
        }
        doc.put("panels", p);
        if (logsAfter != Long.MAX_VALUE) {
            List<LogEntry> lines = logs.tail(logsAfter, e -> true, LOG_LINES_PER_UPDATE);
            doc.put("logs", lines);
        }
        doc.put("logSeq", logs.lastSeq());
        doc.put("traces", traces.recent(25));
        doc.put("tracesStarted", traces.tracesStarted());
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the dashboard update: " + e.getMessage(), e);
        }
    }

    /** Stops the clock and closes the log file. Idempotent. */
    @Override
    public void close() {
        clock.shutdownNow();
        subscribers.clear();
        logs.close();
    }
}
