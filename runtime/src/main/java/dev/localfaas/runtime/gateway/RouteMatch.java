package dev.localfaas.runtime.gateway;

import dev.localfaas.runtime.function.FunctionSpec;
import java.util.Map;

/**
 * The route a request matched, the function behind it and the path variables it bound.
 *
 * @param payloadFormat the format the route declares ({@code "1.0"}, {@code "2.0"}), "" to follow the handler
 * @param upstream      the HTTP upstream serving the route instead of a function, null for a function route
 */
record RouteMatch(FunctionSpec function, RoutePattern route, Map<String, String> pathParameters, String payloadFormat,
                  String upstream) {

    RouteMatch(FunctionSpec function, RoutePattern route, Map<String, String> pathParameters, String payloadFormat) {
        this(function, route, pathParameters, payloadFormat, null);
    }

    RouteMatch(FunctionSpec function, RoutePattern route, Map<String, String> pathParameters) {
        this(function, route, pathParameters, "");
    }

    /** What serves the route, as access policies key it: the function's name, or the upstream's (function null). */
    String target() {
        return upstream != null ? upstream : function.name();
    }

    /** API Gateway's route key: {@code GET /users/{id}}. */
    String routeKey() {
        return route.routeKey();
    }
}
