package dev.localfaas.runtime.gateway.upstream;

import io.undertow.client.UndertowClient;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyCallback;
import io.undertow.server.handlers.proxy.ProxyConnection;
import io.undertow.util.AttachmentKey;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Undertow's load-balancing proxy client (connection pools per target, retries, a failing target skipped), told
 * which target each attempt went to so that failures can be held against it: a refused connect ejects the target,
 * and a retry after a broken connection ejects the one that broke. The hosts it balances over are exactly the
 * targets in rotation ({@link #admit}, {@link #eject}).
 */
final class BalancedProxyClient extends LoadBalancingProxyClient {

    /**
     * Connections kept per IO thread and target. Undertow's default of 10 (20 on two IO threads) is fewer than the
     * callers a load test or a browser page keeps busy, and the rest would wait for a free connection.
     */
    static final int CONNECTIONS_PER_THREAD = 64;

    private final AttachmentKey<Attempt> attemptKey = AttachmentKey.create(Attempt.class);
    private final Map<URI, TargetState> byOrigin;

    /** Which target an exchange went to last, and whether a failure was already held against it. */
    static final class Attempt {
        TargetState target;
        boolean failed;
    }

    BalancedProxyClient(Map<URI, TargetState> byOrigin, Balancing balancing) {
        super(UndertowClient.getInstance(), null, new TargetPicker(byOrigin, balancing));
        this.byOrigin = Map.copyOf(byOrigin);
        setConnectionsPerThread(CONNECTIONS_PER_THREAD);
        // a target that refused a connection is skipped for this long by Undertow itself; our ejection is quicker
        setProblemServerRetry(1);
    }

    void admit(TargetState target) {
        addHost(target.target.origin());
    }

    void eject(TargetState target) {
        removeHost(target.target.origin());
    }

    /** The attempt of an exchange, created on first use. */
    Attempt attempt(HttpServerExchange exchange) {
        Attempt a = exchange.getAttachment(attemptKey);
        if (a == null) {
            a = new Attempt();
            exchange.putAttachment(attemptKey, a);
        }
        return a;
    }

    @Override
    protected Host selectHost(HttpServerExchange exchange) {
        Attempt attempt = attempt(exchange);
        if (attempt.target != null) {
            // a second choice for one exchange is a retry: the previous target lost the request
            if (!attempt.failed) {
                attempt.target.connectionFailed("connection lost before it answered");
            }
            attempt.target.inFlight.decrementAndGet();
            attempt.target = null;
        }
        Host host = super.selectHost(exchange);
        if (host != null) {
            attempt.target = byOrigin.get(host.getUri());
            attempt.failed = false;
            attempt.target.inFlight.incrementAndGet();
        }
        return host;
    }

    @Override
    public void getConnection(ProxyTarget target, HttpServerExchange exchange, ProxyCallback<ProxyConnection> callback,
                              long timeout, TimeUnit timeUnit) {
        super.getConnection(target, exchange, new ProxyCallback<>() {
            @Override
            public void completed(HttpServerExchange ex, ProxyConnection result) {
                callback.completed(ex, result);
            }

            @Override
            public void failed(HttpServerExchange ex) {
                Attempt a = attempt(ex);
                if (a.target != null && !a.failed) {
                    a.failed = true;
                    a.target.connectionFailed("connection refused or failed");
                }
                callback.failed(ex);
            }

            @Override
            public void couldNotResolveBackend(HttpServerExchange ex) {
                callback.couldNotResolveBackend(ex);
            }

            @Override
            public void queuedRequestFailed(HttpServerExchange ex) {
                callback.queuedRequestFailed(ex);
            }
        }, timeout, timeUnit);
    }
}
