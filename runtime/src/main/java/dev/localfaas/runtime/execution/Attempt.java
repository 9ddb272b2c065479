package dev.localfaas.runtime.execution;

import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.isolation.ContextValues;
import dev.localfaas.runtime.isolation.ErrorPayload;
import dev.localfaas.runtime.isolation.FunctionLoadException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One invocation on one environment: cold start if there is no warm environment, the handler on a worker thread,
 * and the caller answered at the deadline whatever the handler does. A timed-out environment is discarded; a
 * handler that ignores the interrupt keeps its thread, and the log says so.
 */
final class Attempt {

    /** Lambda limits on-demand init to 10 s; beyond it the caller stops waiting for the handler to start. */
    private static final long INIT_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final FunctionPool pool;
    private final FunctionSpec spec;
    private final Invocation invocation;
    private final InvocationLog log;
    private final CountDownLatch handlerStarted = new CountDownLatch(1);
    private volatile ExecutionEnvironment env;
    private volatile long handlerStartNanos;
    private volatile double initMs;
    private volatile boolean abandoned;
    private volatile long abandonedAtNanos;
    private volatile boolean running = true;
    private Instant start;

    Attempt(FunctionPool pool, ExecutionEnvironment warm, Invocation invocation) {
        this.pool = pool;
        this.spec = pool.spec();
        this.env = warm;
        this.invocation = invocation;
        this.log = new InvocationLog(spec.name(), pool.config().logSink());
    }

    InvocationResult run(ExecutorService executor) {
        Future<InvocationResult> future = executor.submit(this::execute);
        try {
            if (!handlerStarted.await(INIT_LIMIT_NANOS + TimeUnit.SECONDS.toNanos(spec.timeoutSeconds()),
                    TimeUnit.NANOSECONDS)) {
                return timedOut(future);
            }
            long deadline = handlerStartNanos + TimeUnit.SECONDS.toNanos(spec.timeoutSeconds());
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return timedOut(future);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new IllegalStateException("interrupted while waiting for " + spec.name(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("localfaas failed running " + spec.name() + ": " + e.getCause(), e.getCause());
        }
    }

    /** Runs on the worker thread. */
    private InvocationResult execute() {
        try {
            return executeOnWorker();
        } finally {
            running = false;
        }
    }

    private InvocationResult executeOnWorker() {
        long allocated0 = THREADS.getCurrentThreadAllocatedBytes();
        if (env == null) {
            long t0 = System.nanoTime();
            try {
                env = ExecutionEnvironment.initialize(spec, pool.code(), pool.config(), log);
                initMs = (System.nanoTime() - t0) / 1e6;
            } catch (EnvironmentInitException e) {
                initMs = (System.nanoTime() - t0) / 1e6;
                return initFailed(e.fault(), allocated0);
            }
        }
        ExecutionEnvironment environment = env;
        start = Instant.now();
        log.platform(PlatformLines.start(invocation.requestId(), "$LATEST"));
        long deadlineMillis = System.currentTimeMillis() + spec.timeoutSeconds() * 1000L;
        ContextValues context = new ContextValues(invocation.requestId(), spec.name(), "$LATEST",
                pool.config().functionArn(spec.name()) + (invocation.qualifier() == null ? "" : ":" + invocation.qualifier()),
                "/aws/lambda/" + spec.name(), environment.logStreamName(), spec.memoryMb(), deadlineMillis,
                invocation.clientContext());
        handlerStartNanos = System.nanoTime();
        handlerStarted.countDown();
        byte[] payload;
        Outcome outcome = Outcome.OK;
        String errorType = null;
        try {
            payload = environment.invoke(invocation.payload(), context, log);
        } catch (Throwable t) {
            if (abandoned) {
                environment.close();
                return null;
            }
            payload = ErrorPayload.ofThrowable(t);
            outcome = Outcome.ERROR;
            errorType = t.getClass().getName();
            log.write((new String(payload, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        double durationMs = (System.nanoTime() - handlerStartNanos) / 1e6;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocated0;
        if (abandoned) {
            environment.close();
            pool.config().logSink().line(spec.name(), "localfaas: the handler of " + spec.name() + " (request "
                    + invocation.requestId() + ") ignored its timeout and finished "
                    + PlatformLines.twoDecimals((System.nanoTime() - abandonedAtNanos) / 1e9) + " s late; its result was discarded");
            return null;
        }
        long billed = PlatformLines.billed(durationMs, initMs);
        log.platform(PlatformLines.end(invocation.requestId()));
        log.platform(PlatformLines.report(invocation.requestId(), durationMs, billed, spec.memoryMb(), allocated, initMs,
                outcome == Outcome.OK ? null : "error"));
        log.close();
        pool.giveBack(environment);
        return result(start, durationMs, billed, outcome, payload, errorType, allocated);
    }

    private InvocationResult initFailed(FunctionLoadException fault, long allocated0) {
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
        handlerStartNanos = System.nanoTime();
        handlerStarted.countDown();
        return result(start, 0, billed, Outcome.ERROR, payload,
                fault.errorType() == null ? "Runtime.BadFunctionCode" : fault.errorType(), allocated);
    }

    private InvocationResult timedOut(Future<InvocationResult> future) {
        abandoned = true;
        abandonedAtNanos = System.nanoTime();
        future.cancel(true);
        Watchdog.watch(() -> running, spec.name(), invocation.requestId(), pool.config().logSink());
        double durationMs = spec.timeoutSeconds() * 1000.0;
        long billed = PlatformLines.billed(durationMs, initMs);
        String message = ErrorPayload.timeoutMessage(spec.timeoutSeconds());
        Instant now = Instant.now();
        if (start == null) {
            log.platform(PlatformLines.start(invocation.requestId(), "$LATEST"));
        }
        log.platform(PlatformLines.timedOut(now, invocation.requestId(), message));
        log.platform(PlatformLines.end(invocation.requestId()));
        log.platform(PlatformLines.report(invocation.requestId(), durationMs, billed, spec.memoryMb(), 0, initMs,
                "timeout"));
        log.close();
        Instant started = start != null ? start : now.minusMillis(spec.timeoutSeconds() * 1000L);
        return result(started, durationMs, billed, Outcome.TIMEOUT,
                ErrorPayload.timeout(invocation.requestId(), spec.timeoutSeconds()), "Sandbox.Timedout", 0);
    }

    private InvocationResult result(Instant at, double durationMs, long billed, Outcome outcome, byte[] payload,
                                    String errorType, long allocated) {
        return new InvocationResult(spec.name(), "$LATEST", invocation.requestId(), invocation.trigger(), at,
                durationMs, initMs, billed, spec.memoryMb(), outcome, payload, errorType, log.text(),
                invocation.payload().length, allocated);
    }
}
