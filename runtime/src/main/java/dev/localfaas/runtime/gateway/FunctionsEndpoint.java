package dev.localfaas.runtime.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.execution.EventQueueStats;
import dev.localfaas.runtime.execution.FunctionStats;
import dev.localfaas.runtime.execution.FunctionInvoker;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.QueueSpec;
import dev.localfaas.runtime.function.ScheduleSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.function.Supplier;

/**
 * {@code GET /_faas/functions} and {@code GET /_faas/functions/{name}}: every function with its configuration, the
 * routes it is served on, its schedules and queues, its environments (when the engine's stats are connected: warm, busy, and abandoned handlers that ignored their
 * timeout), its {@code Event} invocations accepted and not yet done, and its invocations.
 */
final class FunctionsEndpoint implements AdminEndpoint {

    private final FunctionInvoker invoker;
    private final Supplier<Router> router;
    private final InvocationCounts counts;
    private final Supplier<List<FunctionStats>> stats;
    private final Supplier<List<EventQueueStats>> events;

    FunctionsEndpoint(FunctionInvoker invoker, Supplier<Router> router, InvocationCounts counts,
                      Supplier<List<FunctionStats>> stats, Supplier<List<EventQueueStats>> events) {
        this.invoker = invoker;
        this.router = router;
        this.counts = counts;
        this.stats = stats;
        this.events = events;
    }

    @Override
    public AdminResponse handle(AdminRequest request) {
        if (!request.method().equals("GET")) {
            return AdminResponse.methodNotAllowed(request.method(), request.path());
        }
        List<RouteEntry> routes = router.get().entries();
        Map<String, FunctionStats> live = stats.get().stream()
                .collect(Collectors.toMap(FunctionStats::function, s -> s, (a, b) -> a));
        Map<String, EventQueueStats> queued = events.get().stream()
                .collect(Collectors.toMap(EventQueueStats::function, s -> s, (a, b) -> a));
        List<String> segments = request.segments();
        if (segments.size() == 1) {
            return invoker.function(segments.get(0))
                    .map(f -> AdminResponse.ok(describe(f, routes, live, queued)))
                    .orElseGet(() -> AdminResponse.notFound("no function named '" + segments.get(0) + "'"));
        }
        if (!segments.isEmpty()) {
            return AdminResponse.notFound("no such resource: " + request.path());
        }
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("functions");
        invoker.functions().forEach(f -> list.add(describe(f, routes, live, queued)));
        return AdminResponse.ok(body);
    }

    private ObjectNode describe(FunctionSpec f, List<RouteEntry> routes, Map<String, FunctionStats> live,
                                Map<String, EventQueueStats> queued) {
        ObjectNode n = Json.object();
        n.put("name", f.name());
        n.put("handler", f.handler());
        n.put("jar", f.jar() == null ? null : f.jar().getFileName().toString());
        n.put("memoryMb", f.memoryMb());
        n.put("timeoutSeconds", f.timeoutSeconds());
        n.put("concurrency", f.concurrency());
        n.put("payloadFormat", PayloadFormat.of(f).version());
        ArrayNode r = n.putArray("routes");
        routes.stream().filter(e -> e.function().equals(f.name())).forEach(e -> r.addObject()
                .put("method", e.route().method()).put("path", e.route().path()).put("implicit", e.implicit()));
        ArrayNode s = n.putArray("schedules");
        for (ScheduleSpec sc : f.schedules()) {
            s.addObject().put("expression", sc.expression()).put("enabled", sc.enabled());
        }
        ArrayNode q = n.putArray("queues");
        for (QueueSpec qs : f.queues()) {
            q.addObject().put("queue", qs.queue()).put("batchSize", qs.batchSize());
        }
        FunctionStats st = live.get(f.name());
        if (st != null) {
            n.putObject("environments").put("warm", st.warm()).put("busy", st.busy()).put("abandoned", st.abandoned());
        }
        EventQueueStats ev = queued.get(f.name());
        n.putObject("events").put("queued", ev == null ? 0 : ev.depth())
                .put("oldestAgeMs", ev == null ? 0 : ev.oldestAgeMillis());
        ObjectNode inv = n.putObject("invocations");
        counts.of(f.name()).forEach(inv::put);
        ObjectNode refusedByGateway = n.putObject("refused");
        counts.refusals(f.name()).forEach(refusedByGateway::put);
        return n;
    }
}
