package dev.localfaas.runtime.gateway;

import io.undertow.io.Receiver;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses request bodies over the limit before anything else sees them: at once when the declared length is too
 * big, and while reading (via the receiver's cap, which {@link FullBodyHandler} sets) when the body is chunked; a
 * blocking reader after it (the admin API) stops at the limit itself.
 * {@code tooLarge} writes the refusal in the dialect of the API behind it.
 */
final class BodyLimitHandler implements HttpHandler {

    static final AttachmentKey<BodyLimitHandler> LIMIT = AttachmentKey.create(BodyLimitHandler.class);

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
        if (exchange.getRequestContentLength() > maxBytes) {
            refuse(exchange);
            return;
        }
        // no receiver here: taking it would leave a blocking reader behind (the admin API) an empty stream
        exchange.putAttachment(LIMIT, this);
        next.handleRequest(exchange);
    }

    /**
     * Answers 413. A client still sending its body often sees a connection reset instead of an early answer, so
     * the rest of the body is read and dropped first (up to a few times the limit; beyond that the connection is
     * closed after the answer).
     */
    void refuse(HttpServerExchange exchange) {
        long drainLimit = drainLimit(maxBytes);
        if (exchange.isRequestComplete() || exchange.getRequestContentLength() > drainLimit) {
            answer(exchange, !exchange.isRequestComplete());
            return;
        }
        Receiver receiver = exchange.getRequestReceiver();
        receiver.setMaxBufferSize(-1);
        AtomicLong dropped = new AtomicLong();
        receiver.receivePartialBytes((ex, data, last) -> {
            if (last) {
                answer(ex, false);
            } else if (dropped.addAndGet(data.length) > drainLimit) {
                receiver.pause();
                answer(ex, true);
            }
        }, (ex, e) -> answer(ex, true));
    }

    /** The receiver's cap for a body read whole ({@link FullBodyHandler}). */
    int receiverCap() {
        return (int) Math.min(maxBytes, Integer.MAX_VALUE - 8);
    }

    /** How much of a refused body is read and dropped; Undertow's own entity limit must be at least this. */
    static long drainLimit(long maxBytes) {
        return maxBytes * 4;
    }

    private void answer(HttpServerExchange exchange, boolean close) {
        if (exchange.isResponseStarted()) {
            exchange.endExchange();
            return;
        }
        if (close) {
            exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
        }
        try {
            tooLarge.handleRequest(exchange);
        } catch (Exception e) {
            exchange.endExchange();
        }
    }
}
