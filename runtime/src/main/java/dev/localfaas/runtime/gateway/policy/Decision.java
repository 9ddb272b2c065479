package dev.localfaas.runtime.gateway.policy;

import java.util.List;
import java.util.Map;

/**
 * A policy's answer: let the request through (with what an authorizer verified), or refuse it with API Gateway's
 * status and message.
 *
 * @param rule    the rule that refused, for the log line ({@code jwt MyAuthorizer: token expired}); "" when allowed
 * @param claims  verified JWT claims as API Gateway passes them (every value a string), empty when no JWT was checked
 * @param scopes  the token's scopes when the route asks for scopes, else null (as AWS sends it)
 * @param lambda  what a Lambda authorizer returned for the function's event ({@code context}, and {@code principalId}
 *                for REST APIs), null when none ran
 * @param body    the refusal's body when it is not {@code {"message": ...}} (REST API's explicit deny), else null
 * @param apiKey  the API key the request was admitted with, null when none
 */
public record Decision(int status, String message, String rule, Map<String, String> claims, List<String> scopes,
                       Map<String, Object> lambda, String body, ApiKey apiKey) {

    public static final Decision ALLOW = new Decision(0, "", "", Map.of(), null);

    public Decision(int status, String message, String rule, Map<String, String> claims, List<String> scopes) {
        this(status, message, rule, claims, scopes, null, null, null);
    }

    public static Decision allow(Map<String, String> claims, List<String> scopes) {
        return new Decision(0, "", "", Map.copyOf(claims), scopes == null ? null : List.copyOf(scopes));
    }

    /** Allowed by a Lambda authorizer that returned this for the event's {@code requestContext.authorizer}. */
    public static Decision allowLambda(Map<String, Object> authorizer) {
        return new Decision(0, "", "", Map.of(), null, authorizer, null, null);
    }

    public static Decision unauthorized(String rule) {
        return new Decision(401, "Unauthorized", rule, Map.of(), null);
    }

    public static Decision forbidden(String rule) {
        return new Decision(403, "Forbidden", rule, Map.of(), null);
    }

    public static Decision throttled(String rule) {
        return new Decision(429, "Too Many Requests", rule, Map.of(), null);
    }

    /** A usage plan's quota spent: API Gateway's 429 {@code Limit Exceeded}. */
    public static Decision quotaSpent(String rule) {
        return new Decision(429, "Limit Exceeded", rule, Map.of(), null);
    }

    /** A refusal whose body API Gateway words itself ({@code {"Message": ...}} for a REST API's deny, ...). */
    public static Decision refused(int status, String body, String rule) {
        return new Decision(status, "", rule, Map.of(), null, null, body, null);
    }

    public boolean allowed() {
        return status == 0;
    }

    /** Whether an authorizer verified the caller, so the event gets {@code requestContext.authorizer}. */
    public boolean authorized() {
        return allowed() && (!claims.isEmpty() || lambda != null);
    }

    /** The same answer, admitted with {@code key}. */
    public Decision withApiKey(ApiKey key) {
        return new Decision(status, message, rule, claims, scopes, lambda, body, key);
    }

    /** Why it was refused, as the metrics name it: unauthorized, forbidden, throttled, quota or authorizer_error. */
    public String reason() {
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 429 -> "Limit Exceeded".equals(message) ? "quota" : "throttled";
            case 0 -> "";
            default -> "authorizer_error";
        };
    }
}
