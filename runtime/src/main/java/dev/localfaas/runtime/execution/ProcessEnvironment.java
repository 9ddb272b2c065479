package dev.localfaas.runtime.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.isolation.ContextValues;
import dev.localfaas.runtime.isolation.ErrorPayload;
import dev.localfaas.runtime.isolation.FunctionLoadException;
import dev.localfaas.runtime.isolation.LogWriter;
import dev.localfaas.runtime.isolation.process.ChildProcess;
import dev.localfaas.runtime.isolation.process.EnvironmentFolders;
import dev.localfaas.runtime.isolation.process.LaunchException;
import dev.localfaas.runtime.isolation.process.LaunchPlan;
import dev.localfaas.runtime.isolation.process.ProcessRuntimes;
import dev.localfaas.runtime.runtimeapi.RuntimeAnswer;
import dev.localfaas.runtime.runtimeapi.RuntimeApiServer;
import dev.localfaas.runtime.runtimeapi.RuntimeInvocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An execution environment that is a runtime process: a child JVM on AWS's runtime interface client, a custom
 * runtime's {@code bootstrap}, or node/python on our bootstraps, each polling its own Runtime API endpoint. Init is
 * the time from the start to the first {@code invocation/next}. The process ending, by {@code System.exit}, an
 * out-of-memory kill or a crash, fails the invocation in progress and ends only this environment; a timeout kills it
 * at the deadline.
 */
final class ProcessEnvironment implements Environment {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, ProcessRuntimes> RUNTIMES = new ConcurrentHashMap<>();

    private final FunctionSpec spec;
    private final String logStreamName;
    private final RuntimeApiServer api;
    private ChildProcess child;
    /** The environment's own folder (its {@code /tmp}), deleted when it ends even if its process never started. */
    private Path folder;
    private volatile InvocationLog current;
    private volatile InvocationLog idle;
    private volatile long lastUsedNanos = System.nanoTime();

    private ProcessEnvironment(FunctionSpec spec, String logStreamName, RuntimeApiServer api) {
        this.spec = spec;
        this.logStreamName = logStreamName;
        this.api = api;
    }

    /**
     * Starts the process and waits for its init to end (interrupted at init's deadline, when it is killed).
     *
     * @param version {@code $LATEST} or the published version it runs: the runtime reads it from
     *                {@code AWS_LAMBDA_FUNCTION_VERSION} for {@code Context.getFunctionVersion()}, and it names the
     *                log stream, as on Lambda
     */
    static ProcessEnvironment initialize(FunctionSpec spec, String version, Path code, RuntimeConfig config,
                                         Map<String, String> platform, InvocationLog log)
            throws EnvironmentInitException {
        String stream = ExecutionEnvironment.newLogStreamName(version);
        Map<String, String> variables = new HashMap<>(
                ExecutionEnvironment.LambdaVariables.of(spec, version, code, config, platform, stream));
        variables.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + spec.runtime().runtime());
        ProcessEnvironment env = new ProcessEnvironment(spec, stream, RuntimeApiServer.start());
        env.idle = log.forFunction();
        env.current = log;
        try {
            ProcessRuntimes runtimes = RUNTIMES.computeIfAbsent(config.stateDir().toAbsolutePath(), dir -> {
                EnvironmentFolders.sweep(dir); // what an emulator killed before it could clean up left here
                return new ProcessRuntimes(dir);
            });
            env.folder = EnvironmentFolders.create(config.stateDir(), spec.name());
            LaunchPlan plan = runtimes.plan(spec.runtime().runtime(), code, spec.layers(), spec.memoryMb(), variables,
                    env.api.address(), env.folder);
            env.child = ChildProcess.start(plan, env.writer());
            CompletableFuture.anyOf(env.api.initialized(), env.child.onExit()).get();
            Optional<RuntimeAnswer> initError = env.api.initialized().getNow(null);
            if (initError != null && initError.isEmpty()) {
                return env;
            }
            env.child.drain();
            if (initError != null) {
                throw initFault(initError.get());
            }
            int status = env.child.exitValue();
            throw new FunctionLoadException("Runtime exited with error: " + exitStatus(status), "Runtime.ExitError", null);
        } catch (LaunchException e) {
            env.close();
            throw new EnvironmentInitException(new FunctionLoadException(e.getMessage(), e.errorType(), null));
        } catch (FunctionLoadException e) {
            env.close();
            throw new EnvironmentInitException(e);
        } catch (InterruptedException e) {
            env.close(); // init ran out: killed at the deadline
            Thread.currentThread().interrupt();
            throw new EnvironmentInitException(new FunctionLoadException("init interrupted", "Runtime.InitError", null));
        } catch (IOException | ExecutionException | RuntimeException e) {
            env.close();
            throw new EnvironmentInitException(new FunctionLoadException("cannot start the " + spec.runtime().runtime()
                    + " runtime of " + spec.name() + ": " + e.getMessage(), "Runtime.InvalidEntrypoint", null));
        } finally {
            env.current = null;
        }
    }

    @Override
    public byte[] invoke(byte[] event, ContextValues values, InvocationLog log) throws Throwable {
        current = log;
        try {
            CompletableFuture<RuntimeAnswer> answer = api.submit(new RuntimeInvocation(values.requestId(),
                    values.deadlineMillis(), values.invokedFunctionArn(), traceId(), values.clientContext(), null, event));
            CompletableFuture<Object> either = CompletableFuture.anyOf(answer, child.onExit());
            try {
                while (!either.isDone()) {
                    try {
                        either.get(100, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        child.peakMemoryMb(); // sampled while it runs: a process that ends keeps no /proc entry
                    }
                }
            } catch (InterruptedException e) {
                close(); // the deadline: the process is killed now, not after a grace period
                throw e;
            }
            RuntimeAnswer done = answer.getNow(null);
            if (done != null) {
                awaitNextPoll(values.deadlineMillis());
            }
            child.drain();
            if (done == null) {
                throw ended(values.requestId());
            }
            if (!done.failed()) {
                return done.body();
            }
            boolean outOfMemory = done.errorType().contains("OutOfMemory") || errorTypeOf(done.body()).contains("OutOfMemory");
            if (outOfMemory) {
                close(); // a JVM whose heap ran out leaves its loop; do not wait for it
            }
            return failWith(done, outOfMemory);
        } finally {
            current = null;
            lastUsedNanos = System.nanoTime();
        }
    }

    /**
     * Lambda ends an invocation (END, REPORT) when the runtime asks for the next event, so what it logs after
     * answering (the RIC logs a handler's error then) belongs to the invocation. Bounded: a runtime that keeps working
     * after its answer does not hold the caller for long.
     */
    private void awaitNextPoll(long deadlineMillis) throws InterruptedException {
        long wait = Math.min(2_000, Math.max(10, deadlineMillis - System.currentTimeMillis()));
        try {
            CompletableFuture.anyOf(api.polledAgain(), child.onExit()).get(wait, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // answered but still busy: its later output goes to the function's log
        } catch (InterruptedException e) {
            close();
            throw e;
        }
    }

    private static byte[] failWith(RuntimeAnswer done, boolean outOfMemory) throws EnvironmentFailure {
        String bodyType = errorTypeOf(done.body());
        String type = outOfMemory ? "Runtime.OutOfMemory" : bodyType.isEmpty() ? done.errorType() : bodyType;
        throw new EnvironmentFailure(done.body(), type, outOfMemory, null);
    }

    /** The process ended while an invocation ran: Lambda's {@code Runtime.ExitError} (or out of memory). */
    private EnvironmentFailure ended(String requestId) {
        int status = child.exitValue();
        long peak = child.peakMemoryMb();
        boolean killed = status == 137 || status == 9;
        boolean outOfMemory = killed && peak >= spec.memoryMb();
        String type = outOfMemory ? "Runtime.OutOfMemory" : "Runtime.ExitError";
        String message = "RequestId: " + requestId + " Error: Runtime exited with error: " + exitStatus(status);
        return new EnvironmentFailure(ErrorPayload.ofFault(message, type), type, true, message + "\n" + type);
    }

    private static String exitStatus(int status) {
        return status > 128 ? "signal: " + signal(status - 128) : "exit status " + status;
    }

    private static String signal(int number) {
        return switch (number) {
            case 9 -> "killed";
            case 6 -> "aborted";
            case 11 -> "segmentation fault";
            case 15 -> "terminated";
            default -> Integer.toString(number);
        };
    }

    private static FunctionLoadException initFault(RuntimeAnswer error) {
        JsonNode doc = parse(error.body());
        String message = doc.path("errorMessage").asText("");
        String type = doc.path("errorType").asText("");
        return new FunctionLoadException(message.isEmpty() ? new String(error.body(), StandardCharsets.UTF_8) : message,
                type.isEmpty() ? error.errorType() : type, null);
    }

    private static String errorTypeOf(byte[] body) {
        return parse(body).path("errorType").asText("");
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException | RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    /** An X-Ray trace header as Lambda passes it in {@code Lambda-Runtime-Trace-Id}. */
    private static String traceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("Root=1-%08x-%024x;Parent=%016x;Sampled=0", System.currentTimeMillis() / 1000,
                new java.math.BigInteger(96, random), random.nextLong() & Long.MAX_VALUE);
    }

    @Override
    public String logStreamName() {
        return logStreamName;
    }

    @Override
    public long idleNanos() {
        return System.nanoTime() - lastUsedNanos;
    }

    @Override
    public ClassLoader loader() {
        return null;
    }

    @Override
    public long maxMemoryUsedMb() {
        ChildProcess c = child;
        return c == null ? -1 : c.peakMemoryMb();
    }

    @Override
    public synchronized void close() {
        api.close();
        if (child != null) {
            child.close(); // kills it, then deletes its folder
        } else if (folder != null) {
            EnvironmentFolders.delete(folder); // it never started: a runtime that is not installed, a bad bootstrap
        }
    }

    /** What the process writes, and the log records it frames, to the invocation in progress, else the function. */
    private LogWriter writer() {
        return InvocationLog.routedTo(this::log);
    }

    private InvocationLog log() {
        InvocationLog log = current;
        return log != null ? log : idle;
    }
}
