package dev.localfaas.runtime.gateway;

import dev.localfaas.runtime.function.FunctionSpec;
import java.util.Map;

/**
 * The route a request matched, the function behind it and the path variables it bound.
 *
 * @param payloadFormat the format the route declares ({@code "1.0"}, {@code "2.0"}), "" to follow the handler
 */
record RouteMatch(FunctionSpec function, RoutePattern route, Map<String, String> pathParameters, String payloadFormat) {

    RouteMatch(FunctionSpec function, RoutePattern route, Map<String, String> pathParameters) {
        this(function, route, pathParameters, "");
    }

    /** API Gateway's route key: {@code GET /users/{id}}. */
    String routeKey() {
        return route.routeKey();
    }
}
