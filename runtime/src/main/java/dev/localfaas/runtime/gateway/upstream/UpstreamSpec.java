package dev.localfaas.runtime.gateway.upstream;

import dev.localfaas.runtime.function.HttpRoute;
import java.util.List;

/**
 * A route (or several, as {@code /orders} and {@code /orders/{proxy+}}) whose integration is an HTTP service.
 *
 * @param name      how messages, the admin API and access policies name it: the {@code --upstream} route as written
 *                  ({@code /orders/*}), or the template's integration id
 * @param routes    the routes it serves, matched with the functions' routes by API Gateway's precedence
 * @param retries   further targets tried when connecting to one fails (or a pooled connection drops an idempotent
 *                  request), before the caller gets a 503
 */
public record UpstreamSpec(String name, List<HttpRoute> routes, List<UpstreamTarget> targets, Balancing balancing,
                           HealthCheck health, PathRewrite rewrite, int retries) {

    public static final int DEFAULT_RETRIES = 2;

    public UpstreamSpec {
        routes = List.copyOf(routes);
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("upstream " + name + " has no target; give at least one"
                    + " http://host:port");
        }
        if (targets.stream().map(UpstreamTarget::origin).distinct().count() < targets.size()) {
            throw new IllegalArgumentException("upstream " + name + " names a target twice; give each host:port once"
                    + " and use ;weight=N for a larger share");
        }
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("upstream " + name + ": retries must be from 0 to 10");
        }
    }

    public UpstreamSpec withHealth(HealthCheck health) {
        return new UpstreamSpec(name, routes, targets, balancing, health, rewrite, retries);
    }

    public UpstreamSpec withBalancing(Balancing balancing) {
        return new UpstreamSpec(name, routes, targets, balancing, health, rewrite, retries);
    }
}
