package dev.localfaas.runtime.function;

/**
 * An HTTP trigger: method ({@code GET}, ..., or {@code ANY}), a path such as {@code /users/{id}}, and the API Gateway
 * payload format its events use.
 *
 * @param payloadFormat {@code "1.0"} or {@code "2.0"} when the trigger says (a template's {@code Api} or
 *                      {@code HttpApi} event), "" to choose from the handler's input type
 */
public record HttpRoute(String method, String path, String payloadFormat) {

    public HttpRoute {
        payloadFormat = payloadFormat == null ? "" : payloadFormat;
    }

    /** A route whose payload format follows the handler's input type. */
    public HttpRoute(String method, String path) {
        this(method, path, "");
    }

    /** API Gateway's route key, e.g. {@code GET /users/{id}}. */
    public String routeKey() {
        return method + " " + path;
    }
}
