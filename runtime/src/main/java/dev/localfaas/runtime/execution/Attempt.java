package dev.localfaas.runtime.execution;

import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.isolation.ContextValues;
import dev.localfaas.runtime.isolation.ErrorPayload;
import dev.localfaas.runtime.isolation.FunctionLoadException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One invocation on one environment: cold start if there is no warm environment, the handler on a worker thread,
 * and the caller answered at the deadline whatever the handler does. Whoever settles first — the handler
 * returning, or the deadline — writes the end of the log and answers; the other only cleans up. A timed-out
 * environment is discarded; a handler that ignores the interrupt keeps its thread, and the log says so.
 */
final class Attempt {

    /** Lambda limits on-demand init to 10 s; beyond it (plus the timeout) the caller stops waiting. */
    private static final long INIT_LIMIT_MILLIS = TimeUnit.SECONDS.toMillis(10);
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /**
     * Warm invocations whose CPU time is measured: one in this many, at random (every cold start is). Reading a
     * thread's CPU time is a system call, about 2 µs of CPU per read on the reference machine (docs/benchmarks.md),
     * over the 1 µs budget for two reads on every warm call; metering estimates the rest from the sampled share.
     */
    static final int CPU_SAMPLE_EVERY = 16;

    private final FunctionPool pool;
    private final FunctionSpec spec;
    private final Invocation invocation;
    private final InvocationLog log;
    private final Deadlines timer;
    private final CompletableFuture<InvocationResult> answer = new CompletableFuture<>();
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile ExecutionEnvironment env;
    private volatile Future<?> task;
    private volatile Deadlines.Deadline deadline;
    private volatile double initMs;
    private volatile Instant start;
    private volatile boolean running = true;
    private volatile long timedOutAtNanos;

    Attempt(FunctionPool pool, ExecutionEnvironment warm, Invocation invocation, Deadlines timer) {
        this.pool = pool;
        this.spec = pool.spec();
        this.env = warm;
        this.invocation = invocation;
        this.timer = timer;
        this.log = new InvocationLog(spec.name(), pool.config().logSink());
    }

    /** Starts the invocation; the future completes with its result, at the latest at the deadline. */
    CompletableFuture<InvocationResult> start(ExecutorService executor) {
        if (env == null) {
            deadline = timer.after(INIT_LIMIT_MILLIS + spec.timeoutSeconds() * 1000L, this::onDeadline);
        }
        task = executor.submit(this::execute);
        return answer;
    }

    /** Runs on the worker thread. */
    private void execute() {
        try {
            executeOnWorker();
        } catch (Throwable t) {
            if (settled.compareAndSet(false, true)) {
                answer.completeExceptionally(t);
            }
        } finally {
            running = false;
        }
    }

    private void executeOnWorker() {
        long allocated0 = THREADS.getCurrentThreadAllocatedBytes();
        boolean measureCpu = env == null || ThreadLocalRandom.current().nextInt(CPU_SAMPLE_EVERY) == 0;
        if (env == null) {
            long t0 = System.nanoTime();
            try {
                env = ExecutionEnvironment.initialize(spec, pool.code(), pool.config(), pool.platformVariables(), log);
                initMs = (System.nanoTime() - t0) / 1e6;
            } catch (EnvironmentInitException e) {
                initMs = (System.nanoTime() - t0) / 1e6;
                initFailed(e.fault(), allocated0);
                return;
            }
            cancelDeadline();
        }
        ExecutionEnvironment environment = env;
        start = Instant.now();
        log.platform(PlatformLines.start(invocation.requestId(), "$LATEST"));
        long deadlineMillis = System.currentTimeMillis() + spec.timeoutSeconds() * 1000L;
        ContextValues context = new ContextValues(invocation.requestId(), spec.name(), "$LATEST",
                invocation.qualifier() == null ? pool.arn() : pool.arn() + ":" + invocation.qualifier(),
                pool.logGroup(), environment.logStreamName(), spec.memoryMb(), deadlineMillis,
                invocation.clientContext());
        deadline = timer.after(spec.timeoutSeconds() * 1000L, this::onDeadline);
        long cpu0 = measureCpu ? THREADS.getCurrentThreadCpuTime() : -1; // -1 also when the JVM cannot tell
        long handlerStart = System.nanoTime();
        byte[] payload;
        Outcome outcome = Outcome.OK;
        String errorType = null;
        try {
            payload = environment.invoke(invocation.payload(), context, log);
        } catch (Throwable t) {
            payload = ErrorPayload.ofThrowable(t);
            outcome = Outcome.ERROR;
            errorType = t.getClass().getName();
        }
        double durationMs = (System.nanoTime() - handlerStart) / 1e6;
        long cpuNanos = cpu0 < 0 ? -1 : THREADS.getCurrentThreadCpuTime() - cpu0;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocated0;
        cancelDeadline();
        if (!settled.compareAndSet(false, true)) {
            environment.close();
            pool.config().logSink().line(spec.name(), "localfaas: the handler of " + spec.name() + " (request "
                    + invocation.requestId() + ") ignored its timeout and finished "
                    + PlatformLines.twoDecimals((System.nanoTime() - timedOutAtNanos) / 1e9)
                    + " s late; its result was discarded");
            return;
        }
        if (outcome == Outcome.ERROR) {
            log.write((new String(payload, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        long billed = PlatformLines.billed(durationMs, initMs);
        log.platform(PlatformLines.end(invocation.requestId()));
        log.platform(PlatformLines.report(invocation.requestId(), durationMs, billed, spec.memoryMb(), allocated, initMs,
                outcome == Outcome.OK ? null : "error"));
        log.close();
        pool.giveBack(environment);
        answer.complete(result(start, durationMs, billed, outcome, payload, errorType, allocated, cpuNanos));
    }

    private void initFailed(FunctionLoadException fault, long allocated0) {
        cancelDeadline();
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        start = Instant.now();
        byte[] payload = ErrorPayload.ofFault(fault.getMessage(), fault.errorType());
        Throwable cause = fault.getCause();
        log.write((fault.getMessage() + (cause == null ? "" : ": " + cause) + "\n").getBytes(StandardCharsets.UTF_8));
        log.platform(PlatformLines.start(invocation.requestId(), "$LATEST"));
        log.platform(PlatformLines.end(invocation.requestId()));
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocated0;
        long billed = PlatformLines.billed(0, initMs);
        log.platform(PlatformLines.report(invocation.requestId(), 0, billed, spec.memoryMb(), allocated, initMs,
                "error\tError Type: Runtime.BadFunctionCode"));
        log.close();
        answer.complete(result(start, 0, billed, Outcome.ERROR, payload,
                fault.errorType() == null ? "Runtime.BadFunctionCode" : fault.errorType(), allocated, -1));
    }

    /** Runs on the timer thread at the deadline (or when init takes too long). */
    private void onDeadline() {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        timedOutAtNanos = System.nanoTime();
        Future<?> handler = task;
        if (handler != null) {
            handler.cancel(true);
        }
        Watchdog.watch(() -> running, spec.name(), invocation.requestId(), pool.config().logSink());
        double durationMs = spec.timeoutSeconds() * 1000.0;
        long billed = PlatformLines.billed(durationMs, initMs);
        Instant now = Instant.now();
        if (start == null) {
            log.platform(PlatformLines.start(invocation.requestId(), "$LATEST"));
        }
        log.platform(PlatformLines.timedOut(now, invocation.requestId(),
                ErrorPayload.timeoutMessage(spec.timeoutSeconds())));
        log.platform(PlatformLines.end(invocation.requestId()));
        log.platform(PlatformLines.report(invocation.requestId(), durationMs, billed, spec.memoryMb(), 0, initMs,
                "timeout"));
        log.close();
        Instant started = start != null ? start : now.minusMillis(spec.timeoutSeconds() * 1000L);
        answer.complete(result(started, durationMs, billed, Outcome.TIMEOUT,
                ErrorPayload.timeout(invocation.requestId(), spec.timeoutSeconds()), "Sandbox.Timedout", 0, -1));
    }

    private void cancelDeadline() {
        timer.cancel(deadline);
    }

    private InvocationResult result(Instant at, double durationMs, long billed, Outcome outcome, byte[] payload,
                                    String errorType, long allocated, long cpuNanos) {
        return new InvocationResult(spec.name(), "$LATEST", invocation.requestId(), invocation.trigger(), at,
                durationMs, initMs, billed, spec.memoryMb(), outcome, payload, errorType, log.text(),
                invocation.payload().length, allocated, cpuNanos, invocation.triggerDetail());
    }
}
