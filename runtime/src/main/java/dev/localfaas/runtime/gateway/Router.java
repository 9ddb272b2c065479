package dev.localfaas.runtime.gateway;

import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.HttpRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP routes of a set of functions, immutable: hot reload builds a new router and swaps it in whole, so a
 * request sees either the old routes or the new ones, never a mix.
 */
final class Router {

    /** Paths the gateway answers itself; a function route under them would be unreachable. */
    static final List<String> RESERVED_PREFIXES = List.of("/_faas", "/2015-03-31");

    /** A route and what serves it: a function, or (when {@code upstream} is set) an HTTP service. */
    private record Bound(RoutePattern pattern, FunctionSpec function, boolean implicit, String payloadFormat,
                         String upstream) {
        Bound(RoutePattern pattern, FunctionSpec function, boolean implicit, String payloadFormat) {
            this(pattern, function, implicit, payloadFormat, null);
        }

        String target() {
            return upstream != null ? "upstream " + upstream : function.name();
        }
    }

    private final List<Bound> routes;

    private Router(List<Bound> routes) {
        this.routes = routes;
    }

    /**
     * Builds the routes of these functions: their declared HTTP triggers, or {@code ANY /{name}} and
     * {@code ANY /{name}/{proxy+}} for a function that declares no trigger at all (design.md); a function triggered
     * only by a schedule or a queue gets no HTTP route, and is still reachable through the Invoke API.
     *
     * @throws GatewayException on a malformed route, a reserved path, or two functions claiming one route
     */
    static Router build(List<FunctionSpec> functions) {
        return build(functions, Map.of());
    }

    /**
     * Like {@link #build(List)}, with the routes of HTTP upstreams (by upstream name) beside the functions' routes,
     * chosen by the same precedence.
     */
    static Router build(List<FunctionSpec> functions, Map<String, List<HttpRoute>> upstreams) {
        List<Bound> bound = new ArrayList<>();
        Map<String, Bound> byKey = new HashMap<>();
        upstreams.forEach((name, routes) -> {
            for (HttpRoute r : routes) {
                RoutePattern p = RoutePattern.parse("upstream " + name, r.withPayloadFormat("2.0"));
                checkNotReserved("upstream " + name, p);
                Bound b = new Bound(p, null, false, "2.0", name);
                Bound clash = byKey.putIfAbsent(p.conflictKey(), b);
                if (clash == null) {
                    bound.add(b);
                } else if (!name.equals(clash.upstream())) {
                    throw new GatewayException("route " + p.method() + " " + p.path() + " of upstream " + name
                            + " conflicts with " + clash.pattern().method() + " " + clash.pattern().path() + " of "
                            + clash.target() + "; change the method or path of one of them");
                }
            }
        });
        for (FunctionSpec f : functions) {
            List<HttpRoute> defaults = HttpRoute.defaults(f.name());
            boolean implicit = f.schedules().isEmpty() && f.queues().isEmpty() && f.events().isEmpty()
                    && (f.httpRoutes().isEmpty() || f.httpRoutes().stream().map(r -> r.withPayloadFormat("")).toList().equals(defaults));
            List<HttpRoute> declared = f.httpRoutes().isEmpty() && implicit ? defaults : f.httpRoutes();
            String inferred = null;
            for (HttpRoute r : declared) {
                if (r.payloadFormat().isEmpty()) { // inferred once here, not on every request
                    inferred = inferred == null ? PayloadFormat.of(f).version() : inferred;
                    r = r.withPayloadFormat(inferred);
                }
                RoutePattern p = RoutePattern.parse(f.name(), r);
                checkNotReserved(f.name(), p);
                Bound b = new Bound(p, f, implicit, r.payloadFormat());
                Bound clash = byKey.putIfAbsent(p.conflictKey(), b);
                if (clash == null) {
                    bound.add(b);
                } else if (clash.upstream() != null || !clash.function().name().equals(f.name())) {
                    throw new GatewayException("route " + p.method() + " " + p.path() + " of " + f.name()
                            + " conflicts with " + clash.pattern().method() + " " + clash.pattern().path() + " of "
                            + clash.target() + "; change the method or path of one of them");
                }
            }
        }
        bound.sort(Comparator.comparing(Bound::pattern));
        return new Router(List.copyOf(bound));
    }

    private static void checkNotReserved(String function, RoutePattern p) {
        for (String prefix : RESERVED_PREFIXES) {
            if (p.path().equals(prefix) || p.path().startsWith(prefix + "/")) {
                throw new GatewayException(function + ": route " + p.method() + " " + p.path()
                        + " is under " + prefix + "/, which the gateway itself serves; choose another path");
            }
        }
    }

    /** The most specific route for this method and decoded path, as API Gateway chooses it. */
    Optional<RouteMatch> match(String method, String path) {
        List<String> segments = split(path);
        for (Bound b : routes) {
            Optional<Map<String, String>> params = b.pattern().match(method, segments);
            if (params.isPresent()) {
                return Optional.of(new RouteMatch(b.function(), b.pattern(), params.get(), b.payloadFormat(),
                        b.upstream()));
            }
        }
        return Optional.empty();
    }

    static List<String> split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? List.of() : List.of(p.split("/", -1));
    }

    /** Every function route, most specific first (upstream routes are listed by {@code /_faas/upstreams}). */
    List<RouteEntry> entries() {
        return routes.stream().filter(b -> b.upstream() == null)
                .map(b -> new RouteEntry(b.function().name(), b.pattern().toHttpRoute(), b.implicit()))
                .toList();
    }
}
