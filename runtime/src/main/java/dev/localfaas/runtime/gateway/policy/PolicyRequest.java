package dev.localfaas.runtime.gateway.policy;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a policy may look at in a request: the gateway hands it over without exposing its own request type.
 *
 * @param caller   the client's address, named in refusal log lines
 * @param headers  a header's last value by name, case-insensitively
 * @param query    a query string parameter's last value by name
 * @param route    the route it matched, null before routing (a preflight, or a path no function serves)
 * @param event    the API Gateway event of this request in a payload format version ({@code "1.0"}, {@code "2.0"}),
 *                 which a REQUEST authorizer's event is made from
 */
public record PolicyRequest(String method, String path, String caller, Function<String, Optional<String>> headers,
                            Function<String, Optional<String>> query, Route route, Function<String, byte[]> event) {

    public PolicyRequest(String method, String path, String caller, Function<String, Optional<String>> headers) {
        this(method, path, caller, headers, name -> Optional.empty(), null, version -> new byte[0]);
    }

    /**
     * The route a request matched.
     *
     * @param key            API Gateway's route key, {@code GET /users/{id}}
     * @param resourcePath   the route's path, {@code /users/{id}}
     * @param pathParameters what the path bound
     */
    public record Route(String function, String key, String resourcePath, Map<String, String> pathParameters) {
    }

    public Optional<String> header(String name) {
        return headers.apply(name);
    }

    public Optional<String> queryParameter(String name) {
        return query.apply(name);
    }

    public PolicyRequest routed(Route matched) {
        return new PolicyRequest(method, path, caller, headers, query, matched, event);
    }
}
