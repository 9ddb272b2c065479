package dev.localfaas.runtime.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * Closes the connection of a request whose body has not arrived in full within the deadline: a client that declares
 * more bytes than it sends would otherwise hold its connection (and, for the admin API, a worker thread) forever.
 * Requests without a body cost nothing here.
 */
final class BodyDeadlineHandler implements HttpHandler {

    private final long millis;
    private final HttpHandler next;

    BodyDeadlineHandler(long millis, HttpHandler next) {
        this.millis = millis;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!exchange.isRequestComplete()) {
            XnioExecutor.Key deadline = exchange.getIoThread().executeAfter(() -> {
                if (!exchange.isRequestComplete()) {
                    IoUtils.safeClose(exchange.getConnection());
                }
            }, millis, TimeUnit.MILLISECONDS);
            // cancelled at the end, so that a busy gateway does not hold every exchange for the whole deadline
            exchange.addExchangeCompleteListener((ex, nextListener) -> {
                deadline.remove();
                nextListener.proceed();
            });
        }
        next.handleRequest(exchange);
    }
}
