package dev.localfaas.runtime.gateway;

import io.undertow.io.Receiver;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.io.IOException;

/**
 * Reads the whole request body without blocking the IO thread, then hands the exchange on; the body is an
 * attachment ({@link #body}). Functions need the complete event anyway, and reading here keeps a slow client from
 * holding a worker thread.
 */
final class FullBodyHandler implements HttpHandler {

    private static final AttachmentKey<byte[]> BODY = AttachmentKey.create(byte[].class);

    private final HttpHandler next;

    FullBodyHandler(HttpHandler next) {
        this.next = next;
    }

    static byte[] body(HttpServerExchange exchange) {
        byte[] body = exchange.getAttachment(BODY);
        return body == null ? new byte[0] : body;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        BodyLimitHandler limit = exchange.getAttachment(BodyLimitHandler.LIMIT);
        if (limit != null) {
            exchange.getRequestReceiver().setMaxBufferSize(limit.receiverCap());
        }
        exchange.getRequestReceiver().receiveFullBytes((ex, bytes) -> {
            ex.putAttachment(BODY, bytes);
            try {
                next.handleRequest(ex);
            } catch (Exception e) {
                Responses.message(ex, 500, "Internal server error"); // next only dispatches; this is a broken chain
            }
        }, FullBodyHandler::failed);
    }

    private static void failed(HttpServerExchange exchange, IOException e) {
        BodyLimitHandler limit = exchange.getAttachment(BodyLimitHandler.LIMIT);
        if (e instanceof Receiver.RequestToLargeException && limit != null && !exchange.isResponseStarted()) {
            limit.refuse(exchange);
        } else {
            exchange.endExchange(); // the client went away mid-body: nobody to answer
        }
    }
}
