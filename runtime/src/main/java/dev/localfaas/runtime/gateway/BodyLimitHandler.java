package dev.localfaas.runtime.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;

/**
 * Refuses request bodies over the limit before anything else sees them: at once when the declared length is too
 * big, and while reading (via the receiver's cap, which {@link FullBodyHandler} honours) when the body is chunked.
 * {@code tooLarge} writes the refusal in the dialect of the API behind it.
 */
final class BodyLimitHandler implements HttpHandler {

    static final AttachmentKey<HttpHandler> TOO_LARGE = AttachmentKey.create(HttpHandler.class);

    private final long maxBytes;
    private final HttpHandler tooLarge;
    private final HttpHandler next;

    BodyLimitHandler(long maxBytes, HttpHandler tooLarge, HttpHandler next) {
        this.maxBytes = maxBytes;
        this.tooLarge = tooLarge;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        long declared = exchange.getRequestContentLength();
        if (declared > maxBytes) {
            // The unread body is not worth draining: ask the client to close after our answer.
            exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
            tooLarge.handleRequest(exchange);
            return;
        }
        exchange.putAttachment(TOO_LARGE, tooLarge);
        exchange.getRequestReceiver().setMaxBufferSize((int) Math.min(maxBytes, Integer.MAX_VALUE - 8));
        next.handleRequest(exchange);
    }
}
