package dev.localfaas.runtime.gateway.policy;

import java.util.List;
import java.util.Map;

/**
 * What the gateway enforces on one route before its function is invoked.
 *
 * @param cors   the route's API's CORS rule, null when off
 * @param jwt    the route's JWT authorizer, null for an open route ({@code Authorizer: NONE})
 * @param scopes the route's {@code AuthorizationScopes}: a token needs one of them; empty for any valid token
 */
public record RoutePolicy(CorsRule cors, JwtAuthorizer jwt, List<String> scopes) {

    public static final RoutePolicy OPEN = new RoutePolicy(null, null, List.of());

    public RoutePolicy {
        scopes = List.copyOf(scopes);
    }

    /** Authorization: whether the caller may reach the function. */
    public Decision authorize(PolicyRequest request) {
        return jwt == null ? Decision.ALLOW : jwt.check(request, scopes);
    }

    /** Whether checking may block (a first fetch of an issuer's keys), so it must not run on an IO thread. */
    public boolean mayBlock() {
        return jwt != null && jwt.mayBlock();
    }

    /** Headers the gateway adds to the function's response (CORS), or to a refusal. */
    public Map<String, String> responseHeaders(PolicyRequest request) {
        return cors == null ? Map.of() : cors.responseHeaders(request);
    }
}
