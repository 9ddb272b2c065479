package dev.localfaas.runtime.function;

/** An HTTP trigger: method ({@code GET}, ..., or {@code ANY}) and a path such as {@code /users/{id}}. */
public record HttpRoute(String method, String path) {

    /** API Gateway's route key, e.g. {@code GET /users/{id}}. */
    public String routeKey() {
        return method + " " + path;
    }
}
