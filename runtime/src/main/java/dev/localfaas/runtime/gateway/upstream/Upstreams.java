package dev.localfaas.runtime.gateway.upstream;

import dev.localfaas.runtime.function.HttpRoute;
import io.undertow.server.HttpServerExchange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The HTTP services the gateway stands in front of: one {@link Upstream} per route set, and the health checks of
 * all their targets. The gateway owns its lifecycle: {@link #start} with it, {@link #close} with it.
 * <pre>
 *   Upstreams upstreams = Upstreams.of(List.of(UpstreamArgument.parse("/orders/*=http://127.0.0.1:8081")));
 *   Gateway.create(config, invoker).upstreams(upstreams).start();
 * </pre>
 */
public final class Upstreams implements AutoCloseable {

    public static final Upstreams NONE = new Upstreams(List.of());

    private final List<UpstreamSpec> specs;
    private final Map<String, Upstream> byName = new LinkedHashMap<>();
    private HealthChecker checker;

    private Upstreams(List<UpstreamSpec> specs) {
        this.specs = List.copyOf(specs);
    }

    /** @throws IllegalArgumentException when two upstreams have one name */
    public static Upstreams of(List<UpstreamSpec> specs) {
        if (specs.stream().map(UpstreamSpec::name).distinct().count() < specs.size()) {
            throw new IllegalArgumentException("two upstreams are named alike; give each route once");
        }
        return specs.isEmpty() ? NONE : new Upstreams(specs);
    }

    public List<UpstreamSpec> specs() {
        return specs;
    }

    /** Each upstream's routes, by name: the gateway's router serves them beside the functions' routes. */
    public Map<String, List<HttpRoute>> routes() {
        Map<String, List<HttpRoute>> routes = new LinkedHashMap<>();
        specs.forEach(s -> routes.put(s.name(), s.routes()));
        return routes;
    }

    /** Puts every target in rotation and starts the health checks; {@code notices} hears every change of health. */
    public synchronized void start(Consumer<String> notices) {
        if (checker != null || specs.isEmpty()) {
            return;
        }
        checker = new HealthChecker();
        for (UpstreamSpec spec : specs) {
            Upstream upstream = new Upstream(spec, notices);
            byName.put(spec.name(), upstream);
            checker.watch(upstream.targets, spec.health());
        }
    }

    /**
     * Proxies an exchange that matched a route of upstream {@code name}, after the gateway's access policies let it
     * through.
     */
    public void proxy(String name, HttpServerExchange exchange, Map<String, String> pathParameters, byte[] body)
            throws Exception {
        Upstream upstream = byName.get(name);
        if (upstream == null) {
            throw new IllegalStateException("upstream " + name + " is not started");
        }
        upstream.proxy(exchange, pathParameters, body);
    }

    /** Every upstream's targets, health and counters now. */
    public List<UpstreamStatus> status() {
        return byName.values().stream().map(Upstream::status).toList();
    }

    public Optional<UpstreamStatus> status(String name) {
        return Optional.ofNullable(byName.get(name)).map(Upstream::status);
    }

    @Override
    public synchronized void close() {
        if (checker != null) {
            checker.close();
        }
        byName.values().forEach(Upstream::close);
    }
}
