package dev.localfaas.runtime.gateway.policy;

import java.util.Map;

/**
 * Every route's policy, by function and route key ({@code users GET /users/{id}}); routes not listed get the
 * fallback ({@code faas run}'s options for a folder without a template, else open).
 */
public record AccessPolicies(Map<String, RoutePolicy> byRoute, RoutePolicy fallback) {

    public static final AccessPolicies NONE = new AccessPolicies(Map.of(), RoutePolicy.OPEN);

    public AccessPolicies {
        byRoute = Map.copyOf(byRoute);
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
        return byRoute.isEmpty() && fallback.equals(RoutePolicy.OPEN);
    }
}
