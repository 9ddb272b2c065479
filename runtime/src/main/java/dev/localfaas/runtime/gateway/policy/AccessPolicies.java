package dev.localfaas.runtime.gateway.policy;

import dev.localfaas.runtime.execution.FunctionInvoker;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Every route's policy, by function and route key ({@code users GET /users/{id}}); routes not listed get the
 * fallback ({@code faas run}'s options for a folder without a template, else open).
 *
 * @param stageThrottle the stage's token bucket, shared by all routes; null when unthrottled
 * @param apiKeys       the API keys and usage plans routes with {@code ApiKeyRequired} check; null when none
 */
public record AccessPolicies(Map<String, RoutePolicy> byRoute, RoutePolicy fallback, TokenBucket stageThrottle,
                             ApiKeys apiKeys) {

    public static final AccessPolicies NONE = new AccessPolicies(Map.of(), RoutePolicy.OPEN);

    public AccessPolicies {
        byRoute = Map.copyOf(byRoute);
    }

    public AccessPolicies(Map<String, RoutePolicy> byRoute, RoutePolicy fallback) {
        this(byRoute, fallback, null, null);
    }

    public AccessPolicies(Map<String, RoutePolicy> byRoute, RoutePolicy fallback, TokenBucket stageThrottle) {
        this(byRoute, fallback, stageThrottle, null);
    }

    public AccessPolicies withStageThrottle(TokenBucket bucket) {
        return new AccessPolicies(byRoute, fallback, bucket, apiKeys);
    }

    public AccessPolicies withApiKeys(ApiKeys keys) {
        return new AccessPolicies(byRoute, fallback, stageThrottle, keys);
    }

    /** Throttling first, as API Gateway does: a flood costs no token verification. */
    public Decision admit() {
        return stageThrottle == null || stageThrottle.tryAcquire() ? Decision.ALLOW
                : Decision.throttled("stage " + stageThrottle.describe());
    }

    /**
     * Decides on a routed request, in API Gateway's order: the stage's and the route's throttle, the API key from
     * its header, the authorizer (a JWT is checked at once; a Lambda authorizer is invoked through
     * {@code invoker}), the key an authorizer named. Completes with the first refusal, else the allowance.
     *
     * @param arn the request's execute-api ARN, which a Lambda authorizer's policy is judged against
     */
    public CompletableFuture<Decision> decide(RoutePolicy policy, PolicyRequest request, String arn,
                                              FunctionInvoker invoker) {
        Decision admitted = admit();
        if (!admitted.allowed()) {
            return CompletableFuture.completedFuture(admitted);
        }
        if (policy.throttle() != null && !policy.throttle().tryAcquire()) {
            return CompletableFuture.completedFuture(Decision.throttled("route " + policy.throttle().describe()));
        }
        if (policy.apiKeyRequired() && !policy.keyFromAuthorizer()) {
            Decision keyed = key(policy, request, null);
            if (!keyed.allowed()) {
                return CompletableFuture.completedFuture(keyed);
            }
            return authorize(policy, request, arn, invoker).thenApply(d -> d.allowed() ? d.withApiKey(keyed.apiKey()) : d);
        }
        CompletableFuture<Decision> authorized = authorize(policy, request, arn, invoker);
        if (!policy.apiKeyRequired()) {
            return authorized;
        }
        return authorized.thenApply(d -> {
            if (!d.allowed()) {
                return d;
            }
            Decision keyed = key(policy, request, d.apiKey() == null ? null : d.apiKey().value());
            return keyed.allowed() ? d.withApiKey(keyed.apiKey()) : keyed;
        });
    }

    private CompletableFuture<Decision> authorize(RoutePolicy policy, PolicyRequest request, String arn,
                                                  FunctionInvoker invoker) {
        if (policy.lambda() != null) {
            return policy.lambda().check(request, arn, invoker);
        }
        return CompletableFuture.completedFuture(policy.jwt() == null ? Decision.ALLOW
                : policy.jwt().check(request, policy.scopes()));
    }

    private Decision key(RoutePolicy policy, PolicyRequest request, String fromAuthorizer) {
        if (apiKeys == null) {
            return Decision.forbidden("api key: the route requires one and no keys are configured (faas keys create)");
        }
        return apiKeys.admit(request, policy.api(), policy.keyFromAuthorizer(), fromAuthorizer);
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

    /** Writes what must outlive the gateway (API key usage counts). */
    public void flush() {
        if (apiKeys != null) {
            apiKeys.flush();
        }
    }
}
