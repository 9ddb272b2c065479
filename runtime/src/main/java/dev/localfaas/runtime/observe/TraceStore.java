package dev.localfaas.runtime.observe;

import dev.localfaas.runtime.execution.InvocationListener;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.TraceSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The recent traces, in memory: every traced invocation is filed under its trace id, so a trace's tree (HTTP call →
 * topic → queue → consumer) can be drawn as a waterfall. Holds the last {@value #MAX_TRACES} traces, each up to
 * {@value #MAX_SPANS} invocations; older traces are dropped first.
 */
public final class TraceStore implements InvocationListener {

    static final int MAX_TRACES = 2_000;
    static final int MAX_SPANS = 500;

    private final Map<String, List<InvocationResult>> traces = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<InvocationResult>> eldest) {
            return size() > MAX_TRACES;
        }
    };
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong spans = new AtomicLong();

    @Override
    public synchronized void onInvocation(InvocationResult r) {
        TraceSpan span = r.trace();
        if (span == null) {
            return;
        }
        List<InvocationResult> list = traces.get(span.root());
        if (list == null) {
            list = new ArrayList<>();
            traces.put(span.root(), list);
            started.incrementAndGet();
        }
        if (list.size() < MAX_SPANS) {
            list.add(r);
            spans.incrementAndGet();
        }
    }

    /** Traces seen since start (each counted once, when its first invocation completed). */
    public long tracesStarted() {
        return started.get();
    }

    /** Invocations filed under a trace since start. */
    public long spansRecorded() {
        return spans.get();
    }

    /** The trace counters in the Prometheus text format, for {@code /_faas/metrics}. */
    public String prometheus() {
        return "# HELP faas_traces_total Traces started (requests, firings and messages that began one).\n"
                + "# TYPE faas_traces_total counter\nfaas_traces_total " + started.get() + "\n"
                + "# HELP faas_trace_invocations_total Invocations recorded in a trace.\n"
                + "# TYPE faas_trace_invocations_total counter\nfaas_trace_invocations_total " + spans.get() + "\n";
    }

    /** A trace by its id ({@code 1-5759e988-bd86...}, or a whole header with {@code Root=}), as a waterfall. */
    public synchronized Optional<TraceView> find(String id) {
        String root = id.startsWith("Root=") || id.contains(";")
                ? dev.localfaas.runtime.execution.TraceHeader.parse(id).map(h -> h.root()).orElse(id) : id;
        List<InvocationResult> list = traces.get(root);
        return list == null ? Optional.empty() : Optional.of(TraceView.of(root, List.copyOf(list)));
    }

    /** The trace a request id belongs to, if it was recorded. */
    public synchronized Optional<String> rootOf(String requestId) {
        for (Map.Entry<String, List<InvocationResult>> e : traces.entrySet()) {
            for (InvocationResult r : e.getValue()) {
                if (r.requestId().equals(requestId)) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /** Every stored trace's invocations, for the service map. */
    public synchronized List<List<InvocationResult>> all() {
        List<List<InvocationResult>> out = new ArrayList<>(traces.size());
        traces.values().forEach(l -> out.add(List.copyOf(l)));
        return out;
    }

    /** The latest {@code limit} traces, newest first, each summarized. */
    public synchronized List<TraceView.Summary> recent(int limit) {
        // traces are kept in the order they began to complete: the newest are among the last few, and summarizing
        // all of them on every dashboard update (2,000 waterfalls) held this lock against the reporter thread
        int skip = Math.max(0, traces.size() - 4 * limit);
        List<TraceView.Summary> out = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<InvocationResult>> e : traces.entrySet()) {
            if (i++ >= skip) {
                out.add(TraceView.of(e.getKey(), e.getValue()).summary());
            }
        }
        out.sort(Comparator.comparing(TraceView.Summary::startMillis).reversed());
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }
}
