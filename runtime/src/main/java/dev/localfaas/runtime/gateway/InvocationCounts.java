package dev.localfaas.runtime.gateway;

import dev.localfaas.runtime.execution.InvocationListener;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Invocations per function and outcome, whatever triggered them, for {@code /_faas/functions}. */
final class InvocationCounts implements InvocationListener {

    private final Map<String, Map<Outcome, LongAdder>> counts = new ConcurrentHashMap<>();
    /** Requests the gateway refused before invoking (401, 403, 429), per function and status: no invocation ran. */
    private final Map<String, Map<Integer, LongAdder>> refused = new ConcurrentHashMap<>();

    void refused(String function, int status) {
        refused.computeIfAbsent(function, f -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    /** {@code unauthorized}, {@code forbidden}, {@code throttled}: requests refused by the gateway's policies. */
    Map<String, Long> refusals(String function) {
        Map<Integer, LongAdder> m = refused.getOrDefault(function, Map.of());
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("unauthorized", m.containsKey(401) ? m.get(401).sum() : 0L);
        out.put("forbidden", m.containsKey(403) ? m.get(403).sum() : 0L);
        out.put("throttled", m.containsKey(429) ? m.get(429).sum() : 0L);
        return out;
    }

    @Override
    public void onInvocation(InvocationResult result) {
        counts.computeIfAbsent(result.function(), f -> {
            Map<Outcome, LongAdder> m = new EnumMap<>(Outcome.class);
            for (Outcome o : Outcome.values()) {
                m.put(o, new LongAdder());
            }
            return m;
        }).get(result.outcome()).increment();
    }

    /** {@code total}, then the count of each outcome by its id ({@code ok}, {@code error}, ...). */
    Map<String, Long> of(String function) {
        Map<Outcome, LongAdder> m = counts.get(function);
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("total", 0L);
        for (Outcome o : Outcome.values()) {
            long n = m == null ? 0 : m.get(o).sum();
            out.put(o.id(), n);
            out.merge("total", n, Long::sum);
        }
        return out;
    }
}
