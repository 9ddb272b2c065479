package dev.localfaas.runtime.gateway;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;

/** Writing responses onto an exchange. */
final class Responses {

    static final String JSON = "application/json";

    private Responses() {
    }

    static void json(HttpServerExchange exchange, int status, byte[] body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON);
        send(exchange, body);
    }

    /** API Gateway's own error shape: {@code {"message": "..."}}. */
    static void message(HttpServerExchange exchange, int status, String message) {
        json(exchange, status, Json.message(message));
    }

    static void proxy(HttpServerExchange exchange, ProxyResponse response) {
        exchange.setStatusCode(response.status());
        for (Header h : response.headers()) {
            exchange.getResponseHeaders().add(HttpString.tryFromString(h.name()), h.value());
        }
        send(exchange, response.body());
    }

    /** A failure inside localfaas: a JSON 500 if nothing was sent yet, else the connection's end. */
    static void failed(HttpServerExchange exchange) {
        if (!exchange.isResponseStarted()) {
            exchange.getResponseHeaders().clear();
            message(exchange, 500, "Internal server error");
        } else {
            exchange.endExchange();
        }
    }

    static void send(HttpServerExchange exchange, byte[] body) {
        if (body == null || body.length == 0) {
            exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(ByteBuffer.wrap(body));
        }
    }
}
