package dev.localfaas.runtime.gateway;

import dev.localfaas.runtime.execution.AsyncInvoker;
import dev.localfaas.runtime.execution.EventQueueStats;
import dev.localfaas.runtime.execution.FunctionInvoker;
import dev.localfaas.runtime.execution.FunctionStats;
import dev.localfaas.runtime.execution.InvocationListener;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.gateway.policy.AccessPolicies;
import dev.localfaas.runtime.gateway.upstream.Upstreams;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The HTTP face of localfaas: function routes as API Gateway would serve them, Lambda's Invoke API, and the admin
 * API under {@code /_faas/}.
 * <pre>
 *   Gateway gateway = Gateway.create(GatewayConfig.defaults().withPort(0), invoker).start();
 *   gateway.port();          // the port it got
 *   gateway.refreshRoutes(); // after the invoker reloaded its functions
 *   gateway.stop();          // waits for requests in flight, then closes
 * </pre>
 */
public final class Gateway implements AutoCloseable {

    private final GatewayConfig config;
    private final FunctionInvoker invoker;
    private final AtomicReference<Router> router = new AtomicReference<>();
    private final AdminHandler admin = new AdminHandler();
    private final InvocationCounts counts = new InvocationCounts();
    private final RefusalCounts refusals = new RefusalCounts(counts);
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile Consumer<String> notices = System.err::println;
    private volatile Supplier<List<FunctionStats>> stats = List::of;
    private volatile AwsApi awsApi;
    private volatile Supplier<List<?>> versionHealth = List::of;
    private volatile AccessPolicies access = AccessPolicies.NONE;
    private volatile Upstreams upstreams = Upstreams.NONE;
    private Undertow server;
    private GracefulShutdownHandler drain;
    private ExecutorService workers;
    private AsyncInvoker async;
    private int asyncCapacity = AsyncInvoker.DEFAULT_CAPACITY;
    private volatile String adminToken;
    private volatile HttpHandler page;
    private final List<EventStreamHandler> streams = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Gateway(GatewayConfig config, FunctionInvoker invoker) {
        this.config = Objects.requireNonNull(config, "config");
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        mount(AdminHandler.ROOT + "/health", request -> AdminResponse.ok(health()));
        mount(AdminHandler.ROOT + "/functions", new FunctionsEndpoint(invoker, router::get, counts, () -> stats.get(),
                this::eventStats));
    }

    /**
     * Adds the health of each function version (healthy, degraded or failing: see docs/traffic.md) to
     * {@code /_faas/health}, whose {@code status} stays "ok" while the gateway serves.
     */
    public Gateway versionHealth(Supplier<List<?>> versions) {
        this.versionHealth = Objects.requireNonNull(versions, "versions");
        return this;
    }

    private Map<String, Object> health() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("status", "ok");
        out.put("functions", invoker.functions().size());
        out.put("versions", versionHealth.get());
        return out;
    }

    public static Gateway create(GatewayConfig config, FunctionInvoker invoker) {
        return new Gateway(config, invoker);
    }

    /** Where one-line notices go (a malformed function response, a dropped async event); stderr by default. */
    public Gateway onNotice(Consumer<String> sink) {
        this.notices = Objects.requireNonNull(sink, "sink");
        return this;
    }

    /** Where {@code /_faas/functions} reads warm and busy environments from, e.g. {@code engine::stats}. */
    public Gateway functionStats(Supplier<List<FunctionStats>> source) {
        this.stats = Objects.requireNonNull(source, "source");
        return this;
    }

    /** How many {@code Event} invocations may be accepted and not yet done; beyond it the Invoke API answers 429. */
    public Gateway asyncQueueCapacity(int events) {
        this.asyncCapacity = events;
        return this;
    }

    private List<EventQueueStats> eventStats() {
        AsyncInvoker events = async;
        return events == null ? List.of() : events.stats();
    }

    /**
     * What routes enforce before their function runs (CORS, throttles, API keys, JWT and Lambda authorizers); may be
     * swapped at any time.
     */
    public Gateway accessPolicies(AccessPolicies policies) {
        this.access = Objects.requireNonNull(policies, "policies");
        return this;
    }

    /**
     * HTTP services to stand in front of: their routes are served beside the functions' (access policies apply to
     * both), their targets health-checked while the gateway runs, their state at {@code GET /_faas/upstreams}. Call
     * before {@link #start()}; the gateway closes them when it stops.
     */
    public Gateway upstreams(Upstreams services) {
        this.upstreams = Objects.requireNonNull(services, "services");
        mount(AdminHandler.ROOT + "/upstreams", new UpstreamsEndpoint(() -> upstreams));
        return this;
    }

    /** Every HTTP upstream's targets, their health and counters now (empty before {@link #start()}). */
    public List<dev.localfaas.runtime.gateway.upstream.UpstreamStatus> upstreamStatus() {
        return upstreams.status();
    }

    /** Serves a JSON endpoint under a prefix such as {@code /_faas/queues} (the prefix and everything below it). */
    public Gateway mount(String prefix, AdminEndpoint endpoint) {
        admin.mount(prefix, new AdminEndpointHandler(prefix, endpoint, config.maxBodyBytes()));
        return this;
    }

    /** Serves a raw Undertow handler under a prefix such as {@code /_faas/metrics}; it runs on a worker thread. */
    public Gateway mountHandler(String prefix, HttpHandler handler) {
        admin.mount(prefix, handler);
        return this;
    }

    /**
     * Serves a web page at {@code /_faas/} from the classpath folder {@code base} ({@code index.html}, and its other
     * files under {@code /_faas/ui/}); call before {@link #start()}. The page's files need no token; what it reads
     * and does goes through the admin API, which does.
     */
    public Gateway servePage(ClassLoader loader, String base) {
        this.page = new PageHandler(loader, base);
        return this;
    }

    /**
     * Serves {@code source} as server-sent events ({@code text/event-stream}) at {@code path} under {@code /_faas/},
     * guarded like the rest of the admin API. Open streams are ended when the gateway stops.
     */
    public Gateway serveStream(String path, EventSource source) {
        EventStreamHandler handler = new EventStreamHandler(source);
        streams.add(handler);
        admin.mount(path, handler);
        return this;
    }

    /** Serves AWS service APIs (SQS, Lambda management, ...) on the gateway's port; call before {@link #start()}. */
    public Gateway serveAwsApi(AwsApi api) {
        this.awsApi = Objects.requireNonNull(api, "api");
        return this;
    }

    /**
     * Builds the routes and starts listening.
     *
     * @throws GatewayException when routes conflict or the port cannot be bound; the gateway is then unusable
     */
    public synchronized Gateway start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the gateway is already started");
        }
        router.set(Router.build(invoker.functions(), upstreams.routes()));
        upstreams.start(message -> notices.accept(message));
        workers = WorkerPool.create(config.workerThreads());
        async = new AsyncInvoker(invoker, config.asyncRetryPolicy(), this::asyncFailed, null, asyncCapacity);
        ApiGatewayContext account = new ApiGatewayContext(config.account(), config.region());
        Consumer<String> notice = message -> notices.accept(message);
        adminToken = config.access().token()
                .orElse(reachableFromNetwork() ? AccessPolicy.generateToken() : null);
        HttpHandler chain = HandlerChain.assemble(config, adminToken, workers, invoker.nonBlocking(), notice,
                new AccessHandler(router::get, () -> access, invoker, account, notice, refusals,
                        new HttpTriggerHandler(router::get, invoker, account, notice)
                                .upstreams(() -> upstreams)),
                new InvokeApiHandler(invoker, async, account, config.maxAsyncBodyBytes()),
                admin, page);
        if (awsApi != null) {
            chain = HandlerChain.withAwsApi(config, workers, notice, awsApi, chain);
        }
        drain = new GracefulShutdownHandler(chain);
        UndertowLogs.quiet();
        server = Undertow.builder().addHttpListener(config.port(), config.host()).setHandler(drain)
                // Undertow cuts bodies at 2 MB by default; the gateway's own limit decides (see BodyLimitHandler)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, BodyLimitHandler.drainLimit(config.maxBodyBytes()))
                // a client that trickles its headers or keeps a connection open in silence is cut off
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, millis(config.timeouts().requestParse()))
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, millis(config.timeouts().noRequest()))
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, millis(config.timeouts().idle()))
                .build();
        try {
            server.start();
        } catch (RuntimeException e) {
            stop();
            throw startFailure(e);
        }
        return this;
    }

    private static int millis(java.time.Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    /** Whether the bound address can be reached from other machines (anything but loopback). */
    public boolean reachableFromNetwork() {
        return !HostCheckHandler.isLoopback(config.host());
    }

    /**
     * The token that {@code /_faas/*} and the Invoke API require: the configured one, or one generated at start for a
     * gateway reachable from the network; empty when none is required.
     */
    public java.util.Optional<String> adminToken() {
        return java.util.Optional.ofNullable(adminToken);
    }

    private GatewayException startFailure(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return new GatewayException("port " + config.port() + " on " + config.host()
                        + " is already in use; stop the program using it or choose another port with --port "
                        + "(0 picks a free one)", e);
            }
        }
        return new GatewayException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage()
                + "; check --host and --port", e);
    }

    /** The port the gateway listens on: the configured one, or the one picked for port 0. */
    public int port() {
        if (server == null || stopped.get()) {
            throw new IllegalStateException("the gateway is not running");
        }
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** {@code http://host:port}, the base of every route and of the Invoke API. */
    public String url() {
        return "http://" + config.host() + ":" + port();
    }

    /** The routes served now, most specific first. */
    public List<RouteEntry> routes() {
        Router r = router.get();
        return r == null ? Router.build(invoker.functions(), upstreams.routes()).entries() : r.entries();
    }

    /**
     * Rebuilds the routes from the invoker's current functions and swaps them in at once; requests see the old
     * routes or the new ones, never a mix. Call it after the invoker reloaded.
     *
     * @throws GatewayException when the new routes conflict; the old routes then stay in service
     */
    public List<RouteEntry> refreshRoutes() {
        Router fresh = Router.build(invoker.functions(), upstreams.routes());
        router.set(fresh);
        return fresh.entries();
    }

    /**
     * The requests the access policies refused, in the Prometheus text format ({@code faas_gateway_refusals_total}
     * by function, route, status and reason), to append to {@code /_faas/metrics}.
     */
    public String refusalMetrics() {
        return refusals.render();
    }

    /** Counts every invocation for {@code /_faas/functions}; register it with the engine to count all triggers. */
    public InvocationListener invocationListener() {
        return counts;
    }

    public GatewayConfig config() {
        return config;
    }

    private void asyncFailed(InvocationResult result) {
        notices.accept(result.function() + ": asynchronous invocation " + result.requestId() + " failed after "
                + (config.asyncRetryPolicy().maxRetries() + 1) + " attempts (" + result.outcome().id()
                + (result.errorType() == null ? "" : ", " + result.errorType()) + "); the event is dropped");
    }

    /**
     * Stops accepting requests, waits up to the drain timeout for those in flight, then closes. Safe to call more
     * than once. Queued {@code Event} invocations that have not started are dropped.
     */
    @Override
    public void close() {
        stop();
    }

    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        streams.forEach(EventStreamHandler::closeAll); // a stream never ends on its own: the drain would wait for it
        if (drain != null) {
            drain.shutdown();
            try {
                if (!drain.awaitShutdown(config.drainTimeout().toMillis())) {
                    notices.accept("gateway: stopped waiting for requests in flight after "
                            + config.drainTimeout().toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        upstreams.close(); // health checks end; the proxy's connections close with the server's IO threads
        if (server != null) {
            server.stop();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
        if (async != null) {
            async.close();
        }

    }
}
