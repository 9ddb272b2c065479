package dev.localfaas.runtime.gateway.policy;

import static dev.localfaas.runtime.gateway.policy.TemplateSettings.map;

import dev.localfaas.runtime.config.ApiResource;
import dev.localfaas.runtime.config.EventSource;
import java.util.List;
import java.util.Map;

/**
 * A route's own throttle from its API's stage settings, on top of the stage's: an HTTP API's {@code RouteSettings}
 * for the route key, else its {@code DefaultRouteSettings}; a REST API's {@code MethodSettings} entry for the
 * resource path and method (paths written with {@code ~1} for {@code /}; {@code /*} and {@code *} for any), the most
 * specific one winning. Each route gets its own bucket, as API Gateway limits each route separately.
 */
final class RouteThrottles {

    private RouteThrottles() {
    }

    /** The route's bucket, or null when its API sets no throttle for it. */
    static TokenBucket bucket(ApiResource api, String method, String path) {
        Map<String, Object> s = api.stageSettings();
        if (api.kind() == EventSource.ApiKind.HTTP) {
            Map<?, ?> routes = map(s.get("RouteSettings"));
            Object own = routes.get(method + " " + path);
            if (own == null && method.equals("ANY")) {
                own = routes.get("ANY " + path);
            }
            Map<?, ?> settings = own != null ? map(own) : map(s.get("DefaultRouteSettings"));
            return TemplateSettings.bucket(settings, "ThrottlingRateLimit", "ThrottlingBurstLimit");
        }
        Map<?, ?> best = null;
        int bestScore = -1;
        if (s.get("MethodSettings") instanceof List<?> list) {
            for (Object entry : list) {
                Map<?, ?> m = map(entry);
                String resource = decode(String.valueOf(m.containsKey("ResourcePath") ? m.get("ResourcePath") : "/*"));
                String httpMethod = String.valueOf(m.containsKey("HttpMethod") ? m.get("HttpMethod") : "*");
                boolean pathMatches = resource.equals("/*") || resource.equals(path);
                boolean methodMatches = httpMethod.equals("*") || httpMethod.equalsIgnoreCase(method);
                if (pathMatches && methodMatches) {
                    int score = (resource.equals("/*") ? 0 : 2) + (httpMethod.equals("*") ? 0 : 1);
                    if (score > bestScore) {
                        best = m;
                        bestScore = score;
                    }
                }
            }
        }
        return best == null ? null : TemplateSettings.bucket(best, "ThrottlingRateLimit", "ThrottlingBurstLimit");
    }

    /** CloudFormation writes {@code /users/{id}} as {@code /~1users~1{id}}: a leading slash, then ~1 for each slash. */
    static String decode(String resourcePath) {
        return resourcePath.startsWith("/~1") ? resourcePath.substring(1).replace("~1", "/")
                : resourcePath.replace("~1", "/");
    }
}
