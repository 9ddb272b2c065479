package dev.localfaas.runtime.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.execution.Invocation;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;

/**
 * The Invoke API's errors, as the AWS SDKs parse them: the code in {@code x-amzn-ErrorType}, the modelled body
 * members ({@code Type}, {@code message} or {@code Message}) in JSON.
 */
enum InvokeApiError {
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 404, "Message"),
    TOO_MANY_REQUESTS("TooManyRequestsException", 429, "message"),
    REQUEST_TOO_LARGE("RequestTooLargeException", 413, "message"),
    INVALID_REQUEST_CONTENT("InvalidRequestContentException", 400, "message"),
    INVALID_PARAMETER_VALUE("InvalidParameterValueException", 400, "message"),
    ACCESS_DENIED("AccessDeniedException", 403, "Message"),
    UNRECOGNIZED_CLIENT("UnrecognizedClientException", 401, "message"),
    UNSUPPORTED_OPERATION("UnsupportedOperationException", 404, "message"),
    SERVICE("ServiceException", 500, "Message");

    static final HttpString ERROR_TYPE = new HttpString("x-amzn-ErrorType");
    static final HttpString REQUEST_ID = new HttpString("x-amzn-RequestId");

    private final String code;
    private final int status;
    private final String messageField;

    InvokeApiError(String code, int status, String messageField) {
        this.code = code;
        this.status = status;
        this.messageField = messageField;
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }

    ObjectNode body(String message) {
        ObjectNode body = Json.object();
        body.put("Type", "User");
        body.put(messageField, message);
        return body;
    }

    /** A refusal by a guard before the Invoke API ({@link Refusal}): 401 for a missing token, else 403. */
    static void refuse(HttpServerExchange exchange, int status, String message) {
        (status == 401 ? UNRECOGNIZED_CLIENT : ACCESS_DENIED).send(exchange, Invocation.newRequestId(), message);
    }

    void send(HttpServerExchange exchange, String requestId, String message) {
        send(exchange, requestId, body(message));
    }

    void send(HttpServerExchange exchange, String requestId, ObjectNode body) {
        exchange.getResponseHeaders().put(ERROR_TYPE, code);
        exchange.getResponseHeaders().put(REQUEST_ID, requestId);
        Responses.json(exchange, status, Json.bytes(body));
    }
}
