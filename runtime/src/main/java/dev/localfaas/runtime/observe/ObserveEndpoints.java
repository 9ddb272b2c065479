package dev.localfaas.runtime.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.gateway.AdminEndpoint;
import dev.localfaas.runtime.gateway.AdminRequest;
import dev.localfaas.runtime.gateway.AdminResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The dashboard's JSON endpoints, for the page and for scripts:
 * <pre>
 * GET /_faas/overview                 what one stream update holds: functions, panels, recent traces
 * GET /_faas/traces                   the latest traces, newest first (?limit=N, default 50)
 * GET /_faas/traces/{id}              one trace as a waterfall (id = Root, a whole X-Amzn-Trace-Id, or a request id)
 * GET /_faas/logs                     log lines (?function=&amp;request=&amp;level=&amp;text=&amp;after=SEQ&amp;limit=N)
 * GET /_faas/map                      the service map: functions, queues, topics and the traffic between them
 * </pre>
 */
public final class ObserveEndpoints {

    public static final String OVERVIEW = "/_faas/overview";
    public static final String TRACES = "/_faas/traces";
    public static final String LOGS = "/_faas/logs";
    public static final String MAP = "/_faas/map";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LiveFeed feed;
    private final Supplier<List<FunctionSpec>> functions;

    public ObserveEndpoints(LiveFeed feed, Supplier<List<FunctionSpec>> functions) {
        this.feed = feed;
        this.functions = functions;
    }

    public AdminEndpoint overview() {
        return get(request -> AdminResponse.ok(JSON.readTree(feed.overview())));
    }

    public AdminEndpoint traces() {
        return get(request -> {
            List<String> path = request.segments();
            if (path.isEmpty()) {
                return AdminResponse.ok(Map.of("traces", feed.traces().recent(intParam(request, "limit", 50))));
            }
            String id = path.get(0);
            Optional<TraceView> trace = feed.traces().find(id)
                    .or(() -> feed.traces().rootOf(id).flatMap(root -> feed.traces().find(root)));
            return trace.<AdminResponse>map(AdminResponse::ok).orElseGet(() -> AdminResponse.notFound("no trace " + id
                    + " is kept; traces live in memory for the last " + TraceStore.MAX_TRACES + " requests since the "
                    + "gateway started; list them with GET " + TRACES));
        });
    }

    public AdminEndpoint logs() {
        return get(request -> {
            String level = request.queryParam("level").orElse(null);
            if (level != null && LogEntry.rank(level) < 0) {
                return AdminResponse.badRequest("level " + level + " is not one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL");
            }
            Predicate<LogEntry> filter = filter(request.queryParam("function").orElse(null),
                    request.queryParam("request").orElse(null), level, request.queryParam("text").orElse(null));
            long after = longParam(request, "after", 0);
            return AdminResponse.ok(Map.of("lastSeq", feed.logs().lastSeq(),
                    "lines", feed.logs().tail(after, filter, intParam(request, "limit", 1000))));
        });
    }

    public AdminEndpoint map() {
        return get(request -> AdminResponse.ok(ServiceMap.of(functions.get(), feed.traces().all())));
    }

    /** Lines of {@code function}, of request {@code requestId}, at {@code level} or above, containing {@code text}. */
    public static Predicate<LogEntry> filter(String function, String requestId, String level, String text) {
        int min = level == null ? -1 : LogEntry.rank(level);
        String needle = text == null || text.isEmpty() ? null : text.toLowerCase(Locale.ROOT);
        return e -> (function == null || function.isEmpty() || e.function().equals(function))
                && (requestId == null || requestId.isEmpty() || requestId.equals(e.requestId()))
                && (min < 0 || LogEntry.rank(e.level()) >= min)
                && (needle == null || e.message().toLowerCase(Locale.ROOT).contains(needle));
    }

    private static AdminEndpoint get(AdminEndpoint endpoint) {
        return request -> {
            if (!request.method().equals("GET")) {
                return AdminResponse.methodNotAllowed(request.method(), request.path());
            }
            try {
                return endpoint.handle(request);
            } catch (IllegalArgumentException e) {
                return AdminResponse.badRequest(e.getMessage());
            }
        };
    }

    private static int intParam(AdminRequest request, String name, int fallback) {
        return (int) Math.min(10_000, longParam(request, name, fallback));
    }

    private static long longParam(AdminRequest request, String name, long fallback) {
        String v = request.queryParam(name).orElse(null);
        if (v == null) {
            return fallback;
        }
        try {
            return Math.max(0, Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + v + " is not a whole number; write it as " + name + "=100");
        }
    }
}
