package dev.localfaas.runtime.gateway;

import dev.localfaas.runtime.function.FunctionSpec;
import java.util.Map;

/** The route a request matched, the function behind it and the path variables it bound. */
record RouteMatch(FunctionSpec function, RoutePattern route, Map<String, String> pathParameters) {

    /** API Gateway's route key: {@code GET /users/{id}}. */
    String routeKey() {
        return route.routeKey();
    }
}
