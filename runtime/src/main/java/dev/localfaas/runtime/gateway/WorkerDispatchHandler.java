package dev.localfaas.runtime.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.concurrent.Executor;

/** Moves the exchange off the IO thread: everything after this may block (a function runs for seconds). */
final class WorkerDispatchHandler implements HttpHandler {

    private final Executor workers;
    private final HttpHandler next;

    WorkerDispatchHandler(Executor workers, HttpHandler next) {
        this.workers = workers;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(workers, next);
        } else {
            next.handleRequest(exchange);
        }
    }
}
