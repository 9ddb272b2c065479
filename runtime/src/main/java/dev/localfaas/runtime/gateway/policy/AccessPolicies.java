package dev.localfaas.runtime.gateway.policy;

import java.util.Map;

/**
 * Every route's policy, by function and route key ({@code users GET /users/{id}}); routes not listed get the
 * fallback ({@code faas run}'s options for a folder without a template, else open).
 *
 * @param stageThrottle the stage's token bucket, shared by all routes; null when unthrottled
 */
public record AccessPolicies(Map<String, RoutePolicy> byRoute, RoutePolicy fallback, TokenBucket stageThrottle) {

    public static final AccessPolicies NONE = new AccessPolicies(Map.of(), RoutePolicy.OPEN);

    public AccessPolicies {
        byRoute = Map.copyOf(byRoute);
    }

    public AccessPolicies(Map<String, RoutePolicy> byRoute, RoutePolicy fallback) {
        this(byRoute, fallback, null);
    }

    public AccessPolicies withStageThrottle(TokenBucket bucket) {
        return new AccessPolicies(byRoute, fallback, bucket);
    }

    /** Throttling first, as API Gateway does: a flood costs no token verification. */
    public Decision admit() {
        return stageThrottle == null || stageThrottle.tryAcquire() ? Decision.ALLOW
                : new Decision(429, "Too Many Requests", "stage " + stageThrottle.describe(), Map.of(), null);
    }

    public static String key(String function, String routeKey) {
        return function + " " + routeKey;
    }

    public RoutePolicy forRoute(String function, String routeKey) {
        if (byRoute.isEmpty()) {
            return fallback;
        }
        return byRoute.getOrDefault(key(function, routeKey), fallback);
    }

    /** True when nothing is enforced: the gateway then skips all policy work. */
    public boolean open() {
        return byRoute.isEmpty() && fallback.equals(RoutePolicy.OPEN) && stageThrottle == null;
    }
}
