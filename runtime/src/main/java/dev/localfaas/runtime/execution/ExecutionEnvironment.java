package dev.localfaas.runtime.execution;

import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.isolation.ContextFactory;
import dev.localfaas.runtime.isolation.ContextValues;
import dev.localfaas.runtime.isolation.EnvironmentOverlay;
import dev.localfaas.runtime.isolation.TraceProperty;
import dev.localfaas.runtime.isolation.FunctionClassLoader;
import dev.localfaas.runtime.isolation.FunctionLoadException;
import dev.localfaas.runtime.isolation.HandlerAdapter;
import dev.localfaas.runtime.isolation.HandlerResolver;
import dev.localfaas.runtime.isolation.LambdaApi;
import dev.localfaas.runtime.isolation.LogWriter;
import dev.localfaas.runtime.isolation.OutputRouter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One execution environment: an isolated classloader with one initialized handler, running one invocation at a
 * time. What the handler prints or logs — even from its static initializer — lands in the invocation in progress.
 * Threads the handler starts inherit that invocation's log: their output belongs to it while it runs and to the
 * function after it ended (never to a later invocation); {@code LambdaLogger} calls made while no invocation runs
 * are the function's too.
 */
final class ExecutionEnvironment implements Environment {

    private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final FunctionSpec spec;
    private final FunctionClassLoader loader;
    private final CodeSnapshot code;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<String, String> variables;
    private final String logStreamName;
    private volatile InvocationLog current;
    private volatile InvocationLog idle;
    private HandlerAdapter adapter;
    private ContextFactory contexts;
    private volatile long lastUsedNanos = System.nanoTime();

    /** Holds a reference on {@code code} from here to {@link #close()}: its snapshot stays on disk meanwhile. */
    private ExecutionEnvironment(FunctionSpec spec, String version, CodeSnapshot code, RuntimeConfig config,
                                 Map<String, String> platform) {
        this.spec = spec;
        this.code = code;
        this.loader = FunctionClassLoader.forPackage(spec.name(), code.path(), spec.layers());
        this.logStreamName = newLogStreamName(version);
        this.variables = LambdaVariables.of(spec, version, code.path(), config, platform, logStreamName);
        if (!code.acquire()) {
            // the invocation's slot holds the code while it creates an environment, so this is a bug of ours
            loader.release();
            throw new IllegalStateException("the code of " + spec.name() + " was deleted before its environment started");
        }
    }

    /**
     * Creates and initializes an environment on the calling thread (class load, static init, constructor,
     * serializers), writing init output to {@code log}.
     *
     * @throws EnvironmentInitException with the environment already closed, when the handler cannot be loaded
     */
    static ExecutionEnvironment initialize(FunctionSpec spec, CodeSnapshot code, RuntimeConfig config,
                                           Map<String, String> platform, InvocationLog log)
            throws EnvironmentInitException {
        return initialize(spec, FunctionPool.LATEST, code, config, platform, log);
    }

    /** Like {@link #initialize(FunctionSpec, CodeSnapshot, RuntimeConfig, Map, InvocationLog)} for a published version. */
    static ExecutionEnvironment initialize(FunctionSpec spec, String version, CodeSnapshot code, RuntimeConfig config,
                                           Map<String, String> platform, InvocationLog log)
            throws EnvironmentInitException {
        ExecutionEnvironment env = new ExecutionEnvironment(spec, version, code, config, platform);
        env.idle = log.forFunction();
        env.current = log;
        LogWriter writer = env.writer();
        Scope scope = env.enter(log, env.variables);
        try {
            LambdaApi api = LambdaApi.in(env.loader);
            env.contexts = new ContextFactory(api, env.loader, writer, env.variables);
            if (env.contexts.logger() != null) {
                LambdaApi.installRuntimeLogger(env.loader, env.contexts.logger());
            }
            env.adapter = HandlerResolver.resolve(spec.handler(), env.loader);
            return env;
        } catch (FunctionLoadException e) {
            env.close();
            throw new EnvironmentInitException(e);
        } catch (RuntimeException | Error e) { // an Error thrown by a static initializer arrives unwrapped
            env.close();
            throw new EnvironmentInitException(new FunctionLoadException(
                    "Error loading class " + spec.handlerClass() + ": " + e, e.getClass().getName(), e));
        } finally {
            scope.close();
            env.current = null;
        }
    }

    /** A log stream name as Lambda makes one per environment: {@code 2024/01/31/[$LATEST]<32 hex digits>}. */
    static String newLogStreamName(String version) {
        return LocalDate.now(ZoneOffset.UTC).format(STREAM_DATE) + "/[" + version + "]"
                + UUID.randomUUID().toString().replace("-", "");
    }

    /** Runs the handler on the calling thread with the environment's classloader, variables and log in place. */
    @Override
    public byte[] invoke(byte[] event, ContextValues values, InvocationLog log) throws Throwable {
        current = log;
        String traceHeader = values.traceHeader();
        Map<String, String> vars = traceHeader == null ? variables : new TraceVariables(variables, traceHeader);
        Scope scope = enter(log, vars);
        String previousTrace = TraceProperty.enter(traceHeader);
        try {
            return adapter.invoke(event, contexts.context(values));
        } finally {
            TraceProperty.restore(previousTrace);
            scope.close();
            current = null;
            lastUsedNanos = System.nanoTime();
        }
    }

    @Override
    public ClassLoader loader() {
        return loader;
    }

    @Override
    public String logStreamName() {
        return logStreamName;
    }

    @Override
    public long idleNanos() {
        return System.nanoTime() - lastUsedNanos;
    }

    /** Closes the loader and gives back its reference on the code (the last one deletes a retired snapshot). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        adapter = null;
        contexts = null;
        loader.release();
        code.release();
    }

    /** Output and log records to the invocation in progress, else to the function. */
    private LogWriter writer() {
        return InvocationLog.routedTo(this::log);
    }

    private InvocationLog log() {
        InvocationLog log = current;
        return log != null ? log : idle;
    }

    private Scope enter(LogWriter writer, Map<String, String> vars) {
        Thread thread = Thread.currentThread();
        ClassLoader previousLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        LogWriter previousWriter = OutputRouter.enter(writer);
        Map<String, String> previousVars = EnvironmentOverlay.enter(vars);
        return () -> {
            EnvironmentOverlay.restore(previousVars);
            OutputRouter.restore(previousWriter);
            thread.setContextClassLoader(previousLoader);
        };
    }

    /** Undoes what {@link #enter} set on the thread. */
    private interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** The environment variables Lambda sets for a function, then the function's own. */
    static final class LambdaVariables {
        private LambdaVariables() {
        }

        /**
         * {@code version} is {@code $LATEST} or a published version's number; {@code code} is where the package is
         * loaded from: the package itself, or its snapshot.
         */
        static Map<String, String> of(FunctionSpec spec, String version, Path code, RuntimeConfig config,
                                      Map<String, String> platform, String logStream) {
            Map<String, String> v = new HashMap<>();
            v.put("_HANDLER", spec.handler());
            v.put("AWS_REGION", config.region());
            v.put("AWS_DEFAULT_REGION", config.region());
            v.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
            v.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
            v.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
            v.put("AWS_LAMBDA_FUNCTION_VERSION", version);
            v.put("AWS_LAMBDA_FUNCTION_TIMEOUT", Integer.toString(spec.timeoutSeconds()));
            v.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
            v.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.name());
            v.put("AWS_LAMBDA_LOG_STREAM_NAME", logStream);
            v.put("LAMBDA_TASK_ROOT", taskRoot(spec, code).toString());
            v.put("LAMBDA_RUNTIME_DIR", "/var/runtime");
            v.put("TZ", ":UTC");
            v.put("FAAS_LOCAL", "true");
            v.putAll(platform);
            v.putAll(spec.environment());
            return Map.copyOf(v);
        }

        /**
         * Lambda unpacks the package into the task root, and code reads its bundled files from there. A directory
         * package is that unpacked tree (the copy actually loaded, when snapshots are on, so files match the classes);
         * a JAR is never unpacked here, so its folder is the nearest thing.
         */
        private static Path taskRoot(FunctionSpec spec, Path code) {
            return Files.isDirectory(code) ? code.toAbsolutePath() : spec.jar().toAbsolutePath().getParent();
        }
    }
}
