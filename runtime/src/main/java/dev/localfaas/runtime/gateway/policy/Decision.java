package dev.localfaas.runtime.gateway.policy;

import java.util.List;
import java.util.Map;

/**
 * A policy's answer: let the request through (with what an authorizer verified), or refuse it with API Gateway's
 * status and message.
 *
 * @param rule   the rule that refused, for the log line ({@code jwt MyAuthorizer: token expired}); "" when allowed
 * @param claims verified JWT claims as API Gateway passes them (every value a string), empty when no authorizer ran
 * @param scopes the token's scopes when the route asks for scopes, else null (as AWS sends it)
 */
public record Decision(int status, String message, String rule, Map<String, String> claims, List<String> scopes) {

    public static final Decision ALLOW = new Decision(0, "", "", Map.of(), null);

    public static Decision allow(Map<String, String> claims, List<String> scopes) {
        return new Decision(0, "", "", Map.copyOf(claims), scopes == null ? null : List.copyOf(scopes));
    }

    public static Decision unauthorized(String rule) {
        return new Decision(401, "Unauthorized", rule, Map.of(), null);
    }

    public static Decision forbidden(String rule) {
        return new Decision(403, "Forbidden", rule, Map.of(), null);
    }

    public boolean allowed() {
        return status == 0;
    }

    /** Whether an authorizer verified the caller, so the event gets {@code requestContext.authorizer}. */
    public boolean authorized() {
        return allowed() && !claims.isEmpty();
    }
}
