package dev.localfaas.runtime.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.function.Consumer;

/**
 * The last line: a bug or an engine failure becomes a JSON 500 for the client and one line on the console, never a
 * stack trace in a response or a hung connection.
 */
final class ExceptionGuardHandler implements HttpHandler {

    private final Consumer<String> notices;
    private final HttpHandler next;

    ExceptionGuardHandler(Consumer<String> notices, HttpHandler next) {
        this.notices = notices;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        try {
            next.handleRequest(exchange);
        } catch (Throwable t) {
            notices.accept("gateway: " + exchange.getRequestMethod() + " " + exchange.getRequestPath()
                    + " failed inside localfaas: " + t);
            if (!exchange.isResponseStarted()) {
                exchange.getResponseHeaders().clear();
                Responses.message(exchange, 500, "Internal server error");
            } else {
                exchange.endExchange();
            }
        }
    }
}
