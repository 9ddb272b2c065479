package dev.localfaas.runtime.trigger.bus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.gateway.AdminEndpoint;
import dev.localfaas.runtime.gateway.AdminRequest;
import dev.localfaas.runtime.gateway.AdminResponse;
import dev.localfaas.runtime.trigger.delivery.Target;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The event bus admin API: buses at {@link #BUSES}, rules at {@link #RULES}.
 * <pre>
 * GET    /_faas/buses                    the buses
 * POST   /_faas/buses/{bus}              create a custom bus
 * POST   /_faas/buses/{bus}/events       put events; body one entry or an array of entries:
 *                                        {"source": "orders", "detail-type": "OrderPlaced", "detail": {...}, "resources": []}
 * GET    /_faas/rules                    every rule (schedules included) with its counts
 * POST   /_faas/rules                    put a rule: {"bus", "name", "pattern", "targets": [{"function"|"queue",
 *                                        "inputPath", "inputTransformer": {"inputPathsMap", "inputTemplate"}}]}
 * DELETE /_faas/rules/{bus}/{name}       delete a rule
 * </pre>
 */
public final class EventsEndpoint {

    public static final String BUSES = "/_faas/buses";
    public static final String RULES = "/_faas/rules";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventBuses buses;
    private final Supplier<List<RuleInfo>> scheduledRules;

    /** @param scheduledRules the schedules, listed as rules of the default bus */
    public EventsEndpoint(EventBuses buses, Supplier<List<RuleInfo>> scheduledRules) {
        this.buses = buses;
        this.scheduledRules = scheduledRules;
    }

    public AdminEndpoint buses() {
        return request -> guarded(() -> {
            List<String> s = request.segments();
            if (s.isEmpty() && request.method().equals("GET")) {
                return AdminResponse.ok(Map.of("buses", buses.buses().stream()
                        .map(b -> Map.of("name", b, "arn", buses.busArn(b))).toList()));
            }
            if (s.size() == 1 && request.method().equals("POST")) {
                return AdminResponse.ok(Map.of("name", s.get(0), "arn", buses.createBus(s.get(0))));
            }
            if (s.size() == 2 && s.get(1).equals("events") && request.method().equals("POST")) {
                List<Map<String, Object>> results = new ArrayList<>();
                List<EventEntry> entries = entries(body(request)).stream()
                        .map(e -> e.withTraceHeaderIfAbsent(request.traceHeader())).toList();
                buses.putEvents(s.get(0), entries).forEach(r -> results.add(
                        Map.of("eventId", r.eventId(), "matchedRules", r.matchedRules())));
                return AdminResponse.ok(Map.of("entries", results));
            }
            return AdminResponse.notFound("Not Found: " + request.method() + " " + request.path() + " (GET " + BUSES
                    + ", POST " + BUSES + "/{bus}, POST " + BUSES + "/{bus}/events)");
        });
    }

    public AdminEndpoint rules() {
        return request -> guarded(() -> {
            List<String> s = request.segments();
            if (s.isEmpty() && request.method().equals("GET")) {
                List<RuleInfo> all = new ArrayList<>(scheduledRules.get());
                all.addAll(buses.rules());
                return AdminResponse.ok(Map.of("rules", all));
            }
            if (s.isEmpty() && request.method().equals("POST")) {
                return AdminResponse.of(201, buses.putRule(rule(body(request))));
            }
            if (s.size() == 2 && request.method().equals("DELETE")) {
                return buses.deleteRule(s.get(0), s.get(1)) ? AdminResponse.ok(Map.of("deleted", s.get(1)))
                        : AdminResponse.notFound("no rule " + s.get(1) + " on bus " + s.get(0));
            }
            return AdminResponse.notFound("Not Found: " + request.method() + " " + request.path() + " (GET " + RULES
                    + ", POST " + RULES + ", DELETE " + RULES + "/{bus}/{name})");
        });
    }

    private interface Handling {
        AdminResponse run();
    }

    private static AdminResponse guarded(Handling handling) {
        try {
            return handling.run();
        } catch (BusRequestException e) {
            return AdminResponse.badRequest(e.getMessage());
        }
    }

    private static List<EventEntry> entries(JsonNode body) {
        List<EventEntry> entries = new ArrayList<>();
        for (JsonNode e : body.isArray() ? body : List.of(body)) {
            JsonNode detail = e.path("detail");
            List<String> resources = new ArrayList<>();
            e.path("resources").forEach(r -> resources.add(r.asText()));
            entries.add(new EventEntry(e.path("source").asText(null), e.path("detail-type").asText(null),
                    detail.isMissingNode() || detail.isNull() ? null : detail.isTextual() ? detail.asText() : detail.toString(),
                    resources));
        }
        if (entries.isEmpty() || entries.size() > 10) {
            throw new BusRequestException("put 1 to 10 entries at once, as PutEvents allows");
        }
        return entries;
    }

    private static RuleSpec rule(JsonNode body) {
        List<RuleSpec.RuleTarget> targets = new ArrayList<>();
        for (JsonNode t : body.path("targets")) {
            if (t.hasNonNull("queue") == t.hasNonNull("function")) {
                throw new BusRequestException("each target needs exactly one of \"queue\" or \"function\"");
            }
            Target target = t.hasNonNull("queue") ? Target.queue(t.get("queue").asText()) : Target.function(t.get("function").asText());
            RuleSpec.InputTransformerSpec transformer = null;
            if (t.has("inputTransformer")) {
                Map<String, String> paths = new LinkedHashMap<>();
                t.at("/inputTransformer/inputPathsMap").fields().forEachRemaining(f -> paths.put(f.getKey(), f.getValue().asText()));
                transformer = new RuleSpec.InputTransformerSpec(paths, t.at("/inputTransformer/inputTemplate").asText());
            }
            targets.add(new RuleSpec.RuleTarget(target, t.path("inputPath").asText(null), transformer));
        }
        JsonNode pattern = body.path("pattern");
        String name = body.path("name").asText("");
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new BusRequestException("rule name '" + name + "' is not valid; use 1 to 64 letters, digits, . - or _");
        }
        return new RuleSpec(body.path("bus").asText(EventBuses.DEFAULT), name,
                pattern.isTextual() ? pattern.asText() : pattern.toString(), targets, "POST " + RULES);
    }

    private static JsonNode body(AdminRequest request) {
        try {
            JsonNode tree = JSON.readTree(request.body());
            if (tree == null || !(tree.isObject() || tree.isArray())) {
                throw new BusRequestException("the request body must be JSON");
            }
            return tree;
        } catch (IOException e) {
            throw new BusRequestException("the request body is not JSON; send an object such as {\"source\": \"orders\", ...}");
        }
    }
}
