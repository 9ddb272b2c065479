package dev.localfaas.runtime.gateway.upstream;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.Connectors;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.ProxyHandler;
import io.undertow.util.Headers;
import io.undertow.util.ImmediatePooledByteBuffer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One upstream in service: its targets' states, Undertow's balancing client over those in rotation, and Undertow's
 * {@link ProxyHandler} in front (which adds {@code X-Forwarded-For/Proto/Host/Port} and sends the target's host as
 * {@code Host}, as API Gateway's HTTP_PROXY does).
 */
final class Upstream {

    /** API Gateway's HTTP integration timeout: a target that has not answered by then gets the caller a 504. */
    static final int MAX_REQUEST_MILLIS = 30_000;

    /**
     * Undertow logs every failed proxy attempt with a stack trace; here a failure is retried on another target and
     * reported once, as an ejection notice. Held strongly: java.util.logging forgets the level of a collected logger.
     */
    private static final java.util.logging.Logger PROXY_LOG = java.util.logging.Logger.getLogger("io.undertow.proxy");

    static {
        PROXY_LOG.setLevel(java.util.logging.Level.OFF);
    }

    final UpstreamSpec spec;
    final List<TargetState> targets;
    private final BalancedProxyClient client;
    private final ProxyHandler proxy;
    private final Consumer<String> notices;

    Upstream(UpstreamSpec spec, Consumer<String> notices) {
        this.spec = spec;
        this.notices = notices;
        Map<URI, TargetState> byOrigin = new LinkedHashMap<>();
        for (UpstreamTarget t : spec.targets()) {
            byOrigin.put(t.origin(), new TargetState(t, spec.health(), this::changed));
        }
        this.targets = List.copyOf(byOrigin.values());
        this.client = new BalancedProxyClient(byOrigin, spec.balancing());
        targets.forEach(client::admit);
        this.proxy = ProxyHandler.builder().setProxyClient(client).setMaxConnectionRetries(spec.retries())
                .setMaxRequestTime(MAX_REQUEST_MILLIS).setRewriteHostHeader(true).setReuseXForwarded(false)
                .setNext(this::unavailable).build();
    }

    private void changed(TargetState target, boolean healthy) {
        if (healthy) {
            client.admit(target);
        } else {
            client.eject(target);
        }
        notices.accept("upstream " + spec.name() + ": " + target.target.address()
                + (healthy ? " is healthy again, back in rotation" : " taken out of rotation (" + target.lastProblem()
                + ")") + "; " + healthyCount() + " of " + targets.size() + " targets healthy");
    }

    int healthyCount() {
        return (int) targets.stream().filter(TargetState::healthy).count();
    }

    /**
     * Sends the request on to a healthy target. The gateway has read the body already (to enforce its limit); it is
     * handed back to the exchange so that the proxy streams it on.
     */
    void proxy(HttpServerExchange exchange, Map<String, String> pathParameters, byte[] body) throws Exception {
        if (healthyCount() == 0) {
            unavailable(exchange);
            return;
        }
        String raw = exchange.getRequestURI();
        if (exchange.isHostIncludedInRequestURI()) {
            int slash = raw.indexOf('/', raw.indexOf("//") + 2);
            raw = slash < 0 ? "/" : raw.substring(slash);
        }
        exchange.setRequestURI(spec.rewrite().apply(raw, pathParameters), false);
        exchange.setResolvedPath("");
        if (body.length > 0) {
            Connectors.ungetRequestBytes(exchange, new PooledByteBuffer[] {new ImmediatePooledByteBuffer(ByteBuffer.wrap(body))});
            Connectors.resetRequestChannel(exchange);
        }
        exchange.addExchangeCompleteListener((ex, next) -> {
            BalancedProxyClient.Attempt attempt = client.attempt(ex);
            TargetState target = attempt.target;
            if (target != null) {
                target.inFlight.decrementAndGet();
                target.requests.incrementAndGet();
                if (!attempt.failed) {
                    target.answered(ex.getStatusCode());
                }
            }
            next.proceed();
        });
        proxy.handleRequest(exchange);
    }

    /** 503 at once, with why, when no target is in rotation. */
    private void unavailable(HttpServerExchange exchange) {
        StringBuilder why = new StringBuilder();
        for (TargetState t : targets) {
            why.append(why.length() == 0 ? "" : "; ").append(t.target.address()).append(": ")
                    .append(t.lastProblem().isEmpty() ? "out of rotation" : t.lastProblem());
        }
        String message = "Service Unavailable: no healthy target for upstream " + spec.name() + " (" + why
                + "); see GET /_faas/upstreams";
        byte[] json = ("{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.setStatusCode(503);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(ByteBuffer.wrap(json));
    }

    /** Closes the pooled connections to the targets. */
    void close() {
        try {
            client.closeCurrentConnections();
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the gateway's IO threads are already stopping, and close these connections themselves
        }
    }

    UpstreamStatus status() {
        return new UpstreamStatus(spec.name(), spec.routes().stream().map(r -> r.routeKey()).toList(),
                spec.balancing().id(), "GET " + spec.health().path() + " every " + spec.health().interval().toMillis()
                        + "ms (timeout " + spec.health().timeout().toMillis() + "ms, healthy after "
                        + spec.health().healthyThreshold() + ", unhealthy after " + spec.health().unhealthyThreshold() + ")",
                spec.rewrite().toString(), healthyCount(), targets.stream().map(t -> new UpstreamStatus.Target(
                        t.target.toString(), t.target.weight(), t.healthy(), Math.max(0, t.inFlight.get()),
                        t.requests.get(), t.errors.get(), t.ejections.get(), t.lastProblem())).toList());
    }
}
