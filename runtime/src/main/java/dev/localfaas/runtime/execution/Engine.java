package dev.localfaas.runtime.execution;

import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.isolation.EnvironmentOverlay;
import dev.localfaas.runtime.isolation.OutputRouter;
import dev.localfaas.runtime.isolation.TraceProperty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs functions: one {@link FunctionPool} per deployed function, an account-wide concurrency limit, a sweeper that
 * closes environments idle past the keep-warm time, and listeners told of every invocation (off the response path,
 * by the {@link Reporter}). Each invocation is owned by one {@link InvocationRun}. Deploying a new set of functions
 * swaps the pools atomically: running invocations finish on the old environments, new ones go to the new code.
 */
public final class Engine implements FunctionInvoker, AutoCloseable {

    private final RuntimeConfig config;
    private final ExecutorService handlers;
    private final ScheduledExecutorService sweeper;
    private final Deadlines deadlines;
    private final Semaphore account;
    private final JarSnapshots snapshots;
    private final List<InvocationListener> listeners = new CopyOnWriteArrayList<>();
    private final Reporter reporter;
    private volatile Map<String, FunctionPool> pools = Map.of();
    /** Published versions' pools by {@code name:version}: made on first call, kept until the engine closes. */
    private final Map<String, FunctionPool> versionPools = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Map<String, String> platformVariables = Map.of();
    private volatile boolean closed;

    public Engine(RuntimeConfig config) {
        this.reporter = new Reporter(config.logSink(), () -> listeners);
        config = config.withLogSink(reporter.sink());
        this.config = config;
        this.account = new Semaphore(config.accountConcurrency());
        this.handlers = Executors.newCachedThreadPool(daemon("faas-handler-"));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(daemon("faas-sweeper-"));
        this.deadlines = new Deadlines("faas-deadlines");
        this.snapshots = new JarSnapshots(config.stateDir().resolve("code"), config.snapshotJars());
        OutputRouter.install();
        TraceProperty.install();
        String envProblem = EnvironmentOverlay.install();
        if (envProblem != null) {
            config.logSink().line("faas", "localfaas: WARNING " + envProblem);
        }
        long sweepMillis = Math.max(10, Math.min(30_000, config.keepWarm().toMillis() / 4));
        sweeper.scheduleWithFixedDelay(this::evictIdle, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Makes {@code functions} the deployed set. A function whose spec and JAR are unchanged keeps its warm
     * environments; a changed or removed one is retired.
     */
    public synchronized void deploy(List<FunctionSpec> functions) {
        Map<String, FunctionPool> old = pools;
        Map<String, FunctionPool> next = new HashMap<>();
        for (FunctionSpec spec : functions) {
            FunctionPool existing = old.get(spec.name());
            if (existing != null && existing.spec().equals(spec) && snapshots.unchanged(spec.jar(), existing.code().path())) {
                next.put(spec.name(), existing);
            } else {
                next.put(spec.name(), new FunctionPool(spec, snapshots.take(spec), config, account, this::platformVariables));
            }
        }
        pools = Map.copyOf(next);
        for (FunctionPool pool : old.values()) {
            if (next.get(pool.spec().name()) != pool) {
                pool.retire();
            }
        }
    }

    /**
     * Variables the platform adds to every function's environment from now on (e.g. {@code FAAS_ENDPOINT}, the
     * gateway's address, known only once it listens). Environments already warm keep what they had.
     */
    public void platformVariables(Map<String, String> variables) {
        this.platformVariables = Map.copyOf(variables);
    }

    Map<String, String> platformVariables() {
        return platformVariables;
    }

    public void addListener(InvocationListener listener) {
        listeners.add(listener);
    }

    public void removeListener(InvocationListener listener) {
        listeners.remove(listener);
    }

    @Override
    public List<FunctionSpec> functions() {
        return pools.values().stream().map(FunctionPool::spec)
                .sorted(java.util.Comparator.comparing(FunctionSpec::name)).toList();
    }

    @Override
    public Optional<FunctionSpec> function(String name) {
        FunctionPool pool = pools.get(name);
        return pool == null ? Optional.empty() : Optional.of(pool.spec());
    }

    @Override
    public InvocationResult invoke(String function, Invocation invocation) {
        try {
            return invokeAsync(function, invocation).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("localfaas failed running " + function + ": " + e.getCause(), e.getCause());
        }
    }

    @Override
    public boolean nonBlocking() {
        return true;
    }

    /**
     * Starts an invocation without blocking the caller: the future completes on the handler's thread when it
     * returns, or at its deadline when it times out — always after its slot is free again, unless its handler
     * ignored the timeout and still holds it. Listeners are told afterwards, on the reporter's thread.
     *
     * @throws UnknownFunctionException when no function has that name
     */
    @Override
    public CompletableFuture<InvocationResult> invokeAsync(String function, Invocation invocation) {
        if (closed) {
            throw new IllegalStateException("the engine is closed");
        }
        return start(entered(function), invocation);
    }

    /**
     * Like {@link #invokeAsync(String, Invocation)} for a published version: {@code spec} is the version's
     * configuration, its package an immutable copy (never snapshotted again). Each version has its own environments.
     */
    public CompletableFuture<InvocationResult> invokeVersionAsync(FunctionSpec spec, String version,
                                                                  Invocation invocation) {
        if (closed) {
            throw new IllegalStateException("the engine is closed");
        }
        FunctionPool pool = versionPools.computeIfAbsent(spec.name() + ":" + version,
                key -> new FunctionPool(spec, version, CodeSnapshot.inPlace(spec.jar()), config, account,
                        this::platformVariables));
        pool.enter(); // a version's package is never deleted: entering always succeeds
        return start(pool, invocation);
    }

    private CompletableFuture<InvocationResult> start(FunctionPool pool, Invocation invocation) {
        Optional<Throttle> throttle = pool.acquire();
        if (throttle.isPresent()) {
            InvocationResult throttled = throttle.get().result(pool.spec(), pool.version(), invocation);
            reporter.result(throttled);
            return CompletableFuture.completedFuture(throttled);
        }
        return InvocationRun.start(pool, invocation, handlers, deadlines, reporter::result);
    }

    /** The function's current pool, entered for one invocation; a pool a deploy retired meanwhile is passed over. */
    private FunctionPool entered(String function) {
        while (true) {
            FunctionPool pool = pools.get(function);
            if (pool == null) {
                throw new UnknownFunctionException(function);
            }
            if (pool.enter()) {
                return pool;
            }
        }
    }

    /** Waits until the listeners and the log sink have been told of every invocation that completed so far. */
    public void flush() {
        reporter.flush();
    }

    /** Warm and busy environments and invocation counts, per function. */
    public List<FunctionStats> stats() {
        List<FunctionStats> stats = new ArrayList<>();
        pools.values().forEach(p -> stats.add(p.stats()));
        stats.sort(java.util.Comparator.comparing(FunctionStats::function));
        return stats;
    }

    /** The pool of a function, for tests in this package. */
    FunctionPool pool(String function) {
        return pools.get(function);
    }

    public RuntimeConfig config() {
        return config;
    }

    private void evictIdle() {
        for (FunctionPool pool : pools.values()) {
            pool.evictIdle();
        }
        versionPools.values().forEach(FunctionPool::evictIdle);
    }

    /**
     * Retires every function and stops the threads; running handlers are interrupted. Every log line and result
     * reported so far reaches the sink and the listeners before it returns. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        pools.values().forEach(FunctionPool::retire);
        pools = Map.of();
        versionPools.values().forEach(FunctionPool::retire);
        sweeper.shutdownNow();
        deadlines.close();
        handlers.shutdownNow();
        reporter.close();
        snapshots.close();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
