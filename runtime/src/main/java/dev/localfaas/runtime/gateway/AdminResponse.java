package dev.localfaas.runtime.gateway;

import java.util.Map;

/**
 * What an {@link AdminEndpoint} answers: a status and a value the gateway writes as JSON (records, maps, lists and
 * Jackson trees all work).
 */
public record AdminResponse(int status, Object body) {

    /** A body written as it is, with its own content type (Prometheus text, say), instead of as JSON. */
    public record Text(String contentType, String content) {
    }

    public static AdminResponse text(String contentType, String content) {
        return new AdminResponse(200, new Text(contentType, content));
    }

    public static AdminResponse ok(Object body) {
        return new AdminResponse(200, body);
    }

    public static AdminResponse of(int status, Object body) {
        return new AdminResponse(status, body);
    }

    /** {@code {"message": ...}} with the status, for errors. */
    public static AdminResponse error(int status, String message) {
        return new AdminResponse(status, Map.of("message", message));
    }

    public static AdminResponse notFound(String message) {
        return error(404, message);
    }

    public static AdminResponse badRequest(String message) {
        return error(400, message);
    }

    public static AdminResponse methodNotAllowed(String method, String path) {
        return error(405, method + " is not supported on " + path);
    }
}
