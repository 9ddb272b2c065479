package dev.localfaas.runtime.gateway;

import dev.localfaas.runtime.gateway.policy.Decision;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests the gateway's policies refused, by function, route, status and reason: counted per function in
 * {@code /_faas/functions} and rendered for the Prometheus metrics as {@code faas_gateway_refusals_total}.
 */
final class RefusalCounts {

    private record Key(String function, String route, int status, String reason) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return toString().compareTo(o.toString());
        }
    }

    private final InvocationCounts perFunction;
    private final Map<Key, LongAdder> counts = new ConcurrentSkipListMap<>();

    RefusalCounts(InvocationCounts perFunction) {
        this.perFunction = perFunction;
    }

    void refused(String function, String route, Decision decision) {
        perFunction.refused(function, decision.status());
        counts.computeIfAbsent(new Key(function, route, decision.status(), decision.reason()), k -> new LongAdder())
                .increment();
    }

    /** The counter family in the Prometheus text format (0.0.4), HELP and TYPE lines included. */
    String render() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP faas_gateway_refusals_total Requests the gateway refused before invoking a function "
                + "(unauthorized, forbidden, throttled, quota, authorizer_error).\n");
        out.append("# TYPE faas_gateway_refusals_total counter\n");
        counts.forEach((k, n) -> out.append("faas_gateway_refusals_total{function=\"").append(escape(k.function()))
                .append("\",route=\"").append(escape(k.route())).append("\",status=\"").append(k.status())
                .append("\",reason=\"").append(k.reason()).append("\"} ").append(n.sum()).append('\n'));
        return out.toString();
    }

    private static String escape(String labelValue) {
        return labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
