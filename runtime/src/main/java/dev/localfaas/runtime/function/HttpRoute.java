package dev.localfaas.runtime.function;

import java.util.List;
import java.util.Set;

/**
 * An HTTP trigger: method ({@code GET}, ..., or {@code ANY}), a path such as {@code /users/{id}}, and the API Gateway
 * payload format the function gets on it: {@code "1.0"}, {@code "2.0"}, or {@code ""} to infer it from the function.
 */
public record HttpRoute(String method, String path, String payloadFormat) {

    /** The payload formats a route can name; "" leaves the choice to the gateway's inference. */
    public static final Set<String> PAYLOAD_FORMATS = Set.of("1.0", "2.0");

    public HttpRoute {
        payloadFormat = payloadFormat == null ? "" : payloadFormat;
        if (!payloadFormat.isEmpty() && !PAYLOAD_FORMATS.contains(payloadFormat)) {
            throw new IllegalArgumentException("payload format \"" + payloadFormat + "\" is not 1.0 or 2.0");
        }
    }

    /** A route whose payload format is inferred. */
    public HttpRoute(String method, String path) {
        this(method, path, "");
    }

    /**
     * {@code ANY /{name}} and {@code ANY /{name}/{proxy+}}: the routes of a function that declares no trigger
     * (design.md). A function whose routes are exactly these (a payload format aside) is still shown as implicit.
     */
    public static List<HttpRoute> defaults(String functionName) {
        return List.of(new HttpRoute("ANY", "/" + functionName), new HttpRoute("ANY", "/" + functionName + "/{proxy+}"));
    }

    /** API Gateway's route key, e.g. {@code GET /users/{id}}. */
    public String routeKey() {
        return method + " " + path;
    }

    /** The same route with the payload format set. */
    public HttpRoute withPayloadFormat(String format) {
        return new HttpRoute(method, path, format);
    }
}
