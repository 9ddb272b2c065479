package dev.localfaas.runtime;

import dev.localfaas.runtime.awsapi.AwsEnvironment;
import dev.localfaas.runtime.execution.Engine;
import dev.localfaas.runtime.execution.FunctionInvoker;
import dev.localfaas.runtime.execution.FunctionStats;
import dev.localfaas.runtime.execution.Invocation;
import dev.localfaas.runtime.execution.InvocationListener;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.function.FunctionCatalog;
import dev.localfaas.runtime.function.FunctionDiscovery;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.traffic.Deployments;
import dev.localfaas.runtime.traffic.Route;
import dev.localfaas.runtime.traffic.Traffic;
import dev.localfaas.runtime.traffic.VersionHealth;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The runtime's front door: the functions of one directory, discovered and ready to invoke.
 *
 * <pre>{@code
 * try (LocalFaas faas = LocalFaas.open(RuntimeConfig.forDirectory(Path.of("functions")))) {
 *     InvocationResult r = faas.invoke("hello", Invocation.of("{}".getBytes(), Trigger.CLI));
 * }
 * }</pre>
 *
 * Triggers (gateway, schedules, queues) talk to it as a {@link FunctionInvoker}; {@link #reload()} rescans the
 * directory and swaps changed functions while running invocations finish on the old code.
 */
public final class LocalFaas implements FunctionInvoker, AutoCloseable {

    private final RuntimeConfig config;
    private final UnaryOperator<FunctionSpec> adjust;
    private final Function<Path, FunctionCatalog> discovery;
    private final Engine engine;
    private final Traffic traffic;
    private final Deployments deployments;
    private volatile FunctionCatalog catalog;

    private LocalFaas(RuntimeConfig config, UnaryOperator<FunctionSpec> adjust,
                      Function<Path, FunctionCatalog> discovery) {
        this.config = config;
        this.adjust = adjust;
        this.discovery = discovery;
        this.engine = new Engine(config);
        this.traffic = new Traffic(config.stateDir(), engine::function);
        VersionHealth health = new VersionHealth();
        engine.addListener(health);
        this.deployments = new Deployments(traffic, this, health);
        engine.platformVariables(AwsEnvironment.credentials()); // Lambda always sets credentials; ours are dummies
    }

    /** Discovers the functions of {@code config.functionsDir()} and deploys them. */
    public static LocalFaas open(RuntimeConfig config) {
        return open(config, UnaryOperator.identity());
    }

    /**
     * Like {@link #open(RuntimeConfig)}, with each discovered spec passed through {@code adjust} first (the CLI's
     * {@code --memory} and {@code --timeout} overrides).
     *
     * @throws IllegalArgumentException when the functions directory does not exist
     */
    public static LocalFaas open(RuntimeConfig config, UnaryOperator<FunctionSpec> adjust) {
        return open(new LocalFaas(config, adjust, FunctionDiscovery::scan));
    }

    /**
     * Like {@link #open(RuntimeConfig, UnaryOperator)} for a caller that needs one function ({@code faas invoke}):
     * only the packages that could declare {@code function} are scanned ({@link FunctionDiscovery#scanFor}), which
     * saves a cold JVM most of discovery. {@code function} is deployed exactly when {@code open} would deploy it;
     * other functions may be left out. When it is not found, the whole directory is scanned, so that {@link #catalog()}
     * holds the known functions and the problems that explain its absence.
     *
     * @throws IllegalArgumentException when the functions directory does not exist
     */
    public static LocalFaas openFunction(RuntimeConfig config, String function, UnaryOperator<FunctionSpec> adjust) {
        return open(new LocalFaas(config, adjust, dir -> FunctionDiscovery.scanFor(dir, function)));
    }

    /**
     * Like {@link #open(RuntimeConfig, UnaryOperator)} with the functions coming from {@code functions} instead of
     * a scan of the directory: a project file ({@code template.yaml}) read again at every {@link #reload()}.
     */
    public static LocalFaas open(RuntimeConfig config, UnaryOperator<FunctionSpec> adjust,
                                 java.util.function.Supplier<FunctionCatalog> functions) {
        return open(new LocalFaas(config, adjust, dir -> functions.get()));
    }

    private static LocalFaas open(LocalFaas faas) {
        try {
            faas.reload();
            return faas;
        } catch (RuntimeException e) {
            faas.close();
            throw e;
        }
    }

    /**
     * Rescans the directory and deploys what it holds now; returns the new catalog. A function whose JAR is now
     * incomplete (written slowly, or broken) keeps its last good version in service ({@link
     * FunctionCatalog#keepingLastGood}).
     */
    public synchronized FunctionCatalog reload() {
        FunctionCatalog found = discovery.apply(config.functionsDir());
        FunctionCatalog adjusted = new FunctionCatalog(found.functions().stream().map(adjust).toList(), found.problems())
                .keepingLastGood(catalog);
        engine.deploy(adjusted.functions());
        catalog = adjusted;
        deployments.afterReload(adjusted.functions().stream().map(FunctionSpec::name).toList());
        return adjusted;
    }

    /** The functions found at the last scan, and the problems that kept others out. */
    public FunctionCatalog catalog() {
        return catalog;
    }

    public RuntimeConfig config() {
        return config;
    }

    /**
     * Tells functions where the gateway listens: {@code FAAS_ENDPOINT} and the AWS SDK endpoint variables
     * ({@link AwsEnvironment}) in their environment (environments created from now on), so that a function can send
     * to a queue or invoke another function through it, with the AWS SDK or plain HTTP.
     */
    public void announceEndpoint(String url) {
        java.util.Map<String, String> variables = new java.util.HashMap<>(AwsEnvironment.forEndpoint(url));
        variables.put("FAAS_ENDPOINT", url);
        engine.platformVariables(variables);
    }

    /** Points functions' AWS SDKs at {@code url} (where a gateway would serve the AWS APIs) without FAAS_ENDPOINT. */
    public void announceAwsEndpoint(String url) {
        engine.platformVariables(AwsEnvironment.forEndpoint(url));
    }

    public void addListener(InvocationListener listener) {
        engine.addListener(listener);
    }

    public void removeListener(InvocationListener listener) {
        engine.removeListener(listener);
    }

    /**
     * Waits until every listener and the log sink have been told of the invocations completed so far (they are told
     * on a writer thread, after the caller was answered). Call it before reading what a listener gathered.
     */
    public void flush() {
        engine.flush();
    }

    /** Warm, busy and abandoned environments and invocation counts, per function. */
    public List<FunctionStats> stats() {
        return engine.stats();
    }

    @Override
    public List<FunctionSpec> functions() {
        return engine.functions();
    }

    @Override
    public Optional<FunctionSpec> function(String name) {
        return engine.function(name);
    }

    /** The functions' versions and aliases; calls name them as {@code fn:3}, {@code fn:live} or a qualifier. */
    public Traffic traffic() {
        return traffic;
    }

    /** Gradual deployments of aliases ({@code AutoPublishAlias}), their history, and each version's health. */
    public Deployments deployments() {
        return deployments;
    }

    @Override
    public boolean resolves(String function, String qualifier) {
        return traffic.resolves(function, qualifier);
    }

    /**
     * Runs one invocation of {@code function} ({@code name}, or {@code name:qualifier}) on the version its qualifier
     * (or the function's trigger alias) routes to.
     */
    @Override
    public InvocationResult invoke(String function, Invocation invocation) {
        try {
            return invokeAsync(function, invocation).join();
        } catch (java.util.concurrent.CompletionException e) {
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

    @Override
    public CompletableFuture<InvocationResult> invokeAsync(String function, Invocation invocation) {
        String name = function;
        String qualifier = invocation.qualifier();
        int colon = function.indexOf(':');
        if (colon > 0) {
            name = function.substring(0, colon);
            qualifier = function.substring(colon + 1);
        }
        if (engine.function(name).isEmpty()) {
            throw new dev.localfaas.runtime.execution.UnknownFunctionException(name);
        }
        Route route = traffic.route(name, qualifier, invocation.trigger());
        Invocation routed = java.util.Objects.equals(route.qualifier(), invocation.qualifier()) ? invocation
                : new Invocation(invocation.payload(), invocation.trigger(), invocation.requestId(),
                        invocation.clientContext(), route.qualifier(), invocation.triggerDetail());
        return route.latest() ? engine.invokeAsync(name, routed)
                : engine.invokeVersionAsync(route.spec(), route.version(), routed);
    }

    /** Closes every environment. Idempotent. */
    @Override
    public void close() {
        deployments.close();
        engine.close();
    }
}
