package dev.localfaas.runtime.gateway.policy;

import java.util.List;
import java.util.Map;

/**
 * What the gateway enforces on one route before its function is invoked.
 *
 * @param cors              the route's API's CORS rule, null when off
 * @param jwt               the route's JWT authorizer, null when none
 * @param scopes            the route's {@code AuthorizationScopes}: a token needs one of them; empty for any valid token
 * @param lambda            the route's Lambda authorizer, null when none
 * @param api               the API the route belongs to (a template's logical id), which usage plans name
 * @param apiKeyRequired    whether a caller needs an API key in a usage plan of {@code api}
 * @param keyFromAuthorizer whether the key is the Lambda authorizer's {@code usageIdentifierKey}
 *                          ({@code ApiKeySourceType: AUTHORIZER}) instead of the {@code x-api-key} header
 * @param throttle          the route's own token bucket ({@code RouteSettings}, {@code MethodSettings}), null when none
 */
public record RoutePolicy(CorsRule cors, JwtAuthorizer jwt, List<String> scopes, LambdaAuthorizer lambda, String api,
                          boolean apiKeyRequired, boolean keyFromAuthorizer, TokenBucket throttle) {

    public static final RoutePolicy OPEN = new RoutePolicy(null, null, List.of());

    public RoutePolicy {
        scopes = List.copyOf(scopes);
        api = api == null ? "" : api;
    }

    public RoutePolicy(CorsRule cors, JwtAuthorizer jwt, List<String> scopes) {
        this(cors, jwt, scopes, null, "", false, false, null);
    }

    public RoutePolicy withLambda(LambdaAuthorizer authorizer) {
        return new RoutePolicy(cors, jwt, scopes, authorizer, api, apiKeyRequired, keyFromAuthorizer, throttle);
    }

    public RoutePolicy withApiKey(String api, boolean required, boolean fromAuthorizer) {
        return new RoutePolicy(cors, jwt, scopes, lambda, api, required, fromAuthorizer, throttle);
    }

    public RoutePolicy withThrottle(TokenBucket bucket) {
        return new RoutePolicy(cors, jwt, scopes, lambda, api, apiKeyRequired, keyFromAuthorizer, bucket);
    }

    /** Whether it enforces anything at all. */
    public boolean enforces() {
        return cors != null || jwt != null || lambda != null || apiKeyRequired || throttle != null;
    }

    /**
     * Whether checking may block, so it must not run on an IO thread: a first fetch of an issuer's keys, or the API
     * key files (reread when {@code faas keys} changed them; usage written once a second).
     */
    public boolean mayBlock() {
        return apiKeyRequired || jwt != null && jwt.mayBlock();
    }

    /** Headers the gateway adds to the function's response (CORS), or to a refusal. */
    public Map<String, String> responseHeaders(PolicyRequest request) {
        return cors == null ? Map.of() : cors.responseHeaders(request);
    }
}
