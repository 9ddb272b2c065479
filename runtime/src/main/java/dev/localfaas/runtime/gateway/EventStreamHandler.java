package dev.localfaas.runtime.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.SameThreadExecutor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.xnio.channels.StreamSinkChannel;

/**
 * Serves an {@link EventSource} as {@code text/event-stream}: one {@code data:} line of JSON per update. Writes are
 * non-blocking on the connection's IO thread, and a client holds at most one update in flight: while its previous
 * update is still being written (a slow or stalled reader), new ones are dropped, not queued, so a slow client costs
 * the gateway neither memory nor a thread, and never slows the source.
 */
final class EventStreamHandler implements HttpHandler {

    private final EventSource source;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();

    EventStreamHandler(EventSource source) {
        this.source = source;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!exchange.getRequestMethod().equals(Methods.GET)) {
            Responses.message(exchange, 405, exchange.getRequestMethod() + " is not supported on "
                    + exchange.getRequestPath() + "; open it with GET (an EventSource)");
            return;
        }
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
        // keep the exchange open after this returns, whatever thread it was called on
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> {
            Client client = new Client(exchange, exchange.getResponseChannel());
            clients.add(client);
            exchange.addExchangeCompleteListener((ex, next) -> {
                client.close();
                next.proceed();
            });
            try {
                client.unsubscribe = source.subscribe(client::offer);
            } catch (RuntimeException e) {
                client.end(); // the source could not render its first update: the client retries
                throw e;
            }
            if (client.closed.get()) {
                client.unsubscribe.run();
            }
        });
    }

    /** Ends every open stream (the gateway is stopping; a stream never ends on its own). */
    void closeAll() {
        clients.forEach(Client::end);
    }

    int open() {
        return clients.size();
    }

    long dropped() {
        return dropped.get();
    }

    private final class Client {
        private final HttpServerExchange exchange;
        private final StreamSinkChannel channel;
        private final AtomicReference<ByteBuffer> pending = new AtomicReference<>();
        private final AtomicBoolean closed = new AtomicBoolean();
        private final AtomicBoolean first = new AtomicBoolean(true);
        private volatile Runnable unsubscribe = () -> { };

        Client(HttpServerExchange exchange, StreamSinkChannel channel) {
            this.exchange = exchange;
            this.channel = channel;
            channel.getWriteSetter().set(c -> write());
        }

        void offer(String json) {
            // the first event also tells the browser to reconnect 2 s after the stream breaks
            send((first.getAndSet(false) ? "retry: 2000\n" : "") + "data: " + json + "\n\n");
        }

        void send(String event) {
            if (closed.get()) {
                return;
            }
            ByteBuffer buffer = ByteBuffer.wrap(event.getBytes(StandardCharsets.UTF_8));
            if (!pending.compareAndSet(null, buffer)) {
                dropped.incrementAndGet(); // the previous update is still on its way: this client is slow
                return;
            }
            channel.getIoThread().execute(this::write);
        }

        /** On the IO thread: writes what it can; the channel calls back when it can take more. */
        private void write() {
            ByteBuffer buffer = pending.get();
            if (buffer == null || closed.get()) {
                channel.suspendWrites();
                return;
            }
            try {
                while (buffer.hasRemaining()) {
                    if (channel.write(buffer) == 0) {
                        channel.resumeWrites();
                        return;
                    }
                }
                if (!channel.flush()) {
                    channel.resumeWrites();
                    return;
                }
                channel.suspendWrites();
                pending.set(null);
            } catch (IOException e) {
                end(); // the client went away
            }
        }

        void end() {
            if (close()) {
                channel.getIoThread().execute(() -> {
                    try {
                        channel.shutdownWrites();
                        channel.flush();
                    } catch (IOException ignored) {
                        // the connection is gone either way
                    }
                    exchange.endExchange();
                });
            }
        }

        /** Stops updates to this client; true the first time. */
        boolean close() {
            if (!closed.compareAndSet(false, true)) {
                return false;
            }
            clients.remove(this);
            unsubscribe.run();
            return true;
        }
    }
}
