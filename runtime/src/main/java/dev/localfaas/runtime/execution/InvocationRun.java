package dev.localfaas.runtime.execution;

import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.isolation.ContextValues;
import dev.localfaas.runtime.isolation.ErrorPayload;
import dev.localfaas.runtime.isolation.FunctionLoadException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one owner of an invocation's slot and environment, from the moment the slot is taken to the moment both are
 * given back. The invocation runs on one handler thread: init (for a cold start), then the handler. Two deadlines
 * race with it — init's own phase limit, then the function's timeout — and a single state decides who ends it:
 *
 * <ul>
 *   <li>the handler thread, when init or the handler returns in time, or when it stops promptly after a deadline
 *       interrupted it: it gives the environment back (or discards it), frees the slot, then answers;</li>
 *   <li>the grace deadline, when a timed-out thread ignores its interrupt: the caller is answered, and the slot
 *       stays taken as "abandoned" until that thread ends, when it frees it itself.</li>
 * </ul>
 *
 * The handler never starts once init ran out, and the caller is never answered before the slot is free, except
 * for an abandoned handler, whose slot is not free.
 */
final class InvocationRun implements Runnable {

    /**
     * Warm invocations whose CPU time is measured: one in this many, at random (every cold start is). Reading a
     * thread's CPU time is a system call, about 2 µs of CPU per read on the reference machine (docs/benchmarks.md),
     * over the 1 µs budget for two reads on every warm call; metering estimates the rest from the sampled share.
     */
    static final int CPU_SAMPLE_EVERY = 16;

    /** How long a timed-out thread has to stop after its interrupt before it is abandoned. */
    static final long GRACE_MILLIS = 100;

    private static final int INIT = 0;
    private static final int RUNNING = 1;
    private static final int INIT_RAN_OUT = 2;
    private static final int TIMED_OUT = 3;
    private static final int ABANDONED = 4;
    private static final int DONE = 5;

    private final FunctionPool pool;
    private final FunctionSpec spec;
    private final Invocation invocation;
    private final Deadlines deadlines;
    private final Consumer<InvocationResult> report;
    private final InvocationLog log;
    private final TraceSpan trace;
    private final CompletableFuture<InvocationResult> answer = new CompletableFuture<>();
    private final AtomicInteger state;
    private Environment env;
    private volatile Thread thread;
    private volatile Deadlines.Deadline deadline;
    private volatile Deadlines.Deadline initRetryDeadline;
    private volatile long initStartNanos;
    /** When init outlived its phase and went on as Lambda's retried init inside the invocation; 0 if it did not. */
    private volatile long initRetrySinceNanos;
    private volatile double initMs;
    private volatile Instant start;
    private volatile long ranOutAtNanos;

    private InvocationRun(FunctionPool pool, Environment warm, Invocation invocation, Deadlines deadlines,
                          Consumer<InvocationResult> report) {
        this.pool = pool;
        this.spec = pool.spec();
        this.env = warm;
        this.invocation = invocation;
        this.deadlines = deadlines;
        this.report = report;
        this.log = new InvocationLog(spec.name(), invocation.requestId(), pool.config().logSink());
        this.state = new AtomicInteger(warm == null ? INIT : RUNNING);
        this.trace = TraceSpan.of(invocation.trace());
    }

    /**
     * Starts an invocation that holds a slot of {@code pool}; the future completes with its result.
     *
     * @param report told of the result before the caller is (it must not block for long)
     */
    static CompletableFuture<InvocationResult> start(FunctionPool pool, Invocation invocation, Executor threads,
                                                     Deadlines deadlines, Consumer<InvocationResult> report) {
        InvocationRun run = new InvocationRun(pool, pool.takeWarm(), invocation, deadlines, report);
        try {
            threads.execute(run);
        } catch (RuntimeException e) {
            if (run.env != null) {
                pool.giveBack(run.env);
            }
            pool.release();
            throw e;
        }
        return run.answer;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            if (env == null && !initialize()) {
                return;
            }
            invokeHandler();
        } catch (Throwable t) {
            // a failure of our own, outside the handler: the slot and the caller must not hang on it
            int was = state.getAndSet(DONE);
            if (was == ABANDONED) {
                pool.abandonedEnded();
            } else if (was != DONE) {
                pool.release();
                answer.completeExceptionally(t);
            }
        } finally {
            threadEnds();
        }
    }

    /** Runs init under its own deadline; true when the handler may run. */
    private boolean initialize() {
        long limitMillis = pool.config().initTimeout().toMillis();
        initStartNanos = System.nanoTime();
        deadline = deadlines.after(limitMillis, this::initPhaseRanOut);
        Environment created = null;
        FunctionLoadException fault = null;
        try {
            created = spec.runtime().process()
                    ? ProcessEnvironment.initialize(spec, pool.version(), pool.code().path(), pool.config(),
                            pool.platformVariables(), log)
                    : ExecutionEnvironment.initialize(spec, pool.version(), pool.code(), pool.config(),
                            pool.platformVariables(), log);
        } catch (EnvironmentInitException e) {
            fault = e.fault();
        }
        deadlines.cancel(deadline);
        if (initRetryDeadline != null) {
            deadlines.cancel(initRetryDeadline);
        }
        if (!state.compareAndSet(INIT, RUNNING)) {
            if (created != null) {
                created.close(); // init ran out meanwhile: this environment never serves
            }
            return false;
        }
        initMs = initRetrySinceNanos == 0 ? (System.nanoTime() - initStartNanos) / 1e6 : pool.config().initTimeout().toMillis();
        if (fault != null) {
            state.set(DONE);
            pool.release();
            finish(initFailed(fault));
            return false;
        }
        env = created;
        return true;
    }

    /**
     * On the deadline thread, when init outlives its phase limit: as on Lambda, init goes on at the first invocation
     * under the function's timeout (Lambda retries it there; here the init already under way simply continues, which
     * ends no later than a retry would). The rest of init then counts in the invocation's Duration.
     */
    private void initPhaseRanOut() {
        if (state.get() != INIT) {
            return;
        }
        initRetrySinceNanos = System.nanoTime();
        log.platform(PlatformLines.initReport(pool.config().initTimeout().toMillis(), "timeout"));
        Deadlines.Deadline retry = deadlines.after(spec.timeoutSeconds() * 1000L, () -> ranOut(INIT, INIT_RAN_OUT));
        initRetryDeadline = retry;
        if (state.get() != INIT) {
            deadlines.cancel(retry); // init ended meanwhile, and may not have seen this deadline to cancel it
        }
    }

    private void invokeHandler() {
        Environment environment = env;
        start = Instant.now();
        log.platform(PlatformLines.start(invocation.requestId(), pool.version()));
        long retrySince = initRetrySinceNanos;
        // after a retried init, the function's timeout covers the rest of init and the handler together
        long timeoutMillis = Math.max(1, spec.timeoutSeconds() * 1000L
                - (retrySince == 0 ? 0 : (System.nanoTime() - retrySince) / 1_000_000L));
        ContextValues context = new ContextValues(invocation.requestId(), spec.name(), pool.version(),
                invocation.qualifier() == null ? pool.arn() : pool.arn() + ":" + invocation.qualifier(),
                pool.logGroup(), environment.logStreamName(), spec.memoryMb(), System.currentTimeMillis() + timeoutMillis,
                invocation.clientContext(), trace.handlerHeader());
        deadline = deadlines.after(timeoutMillis, () -> ranOut(RUNNING, TIMED_OUT));
        long allocated0 = HandlerThreadClock.allocatedBytes();
        boolean measureCpu = initMs > 0 || ThreadLocalRandom.current().nextInt(CPU_SAMPLE_EVERY) == 0;
        long cpu0 = measureCpu ? HandlerThreadClock.cpuNanos() : -1; // -1 also when the JVM cannot tell
        long handlerStart = retrySince == 0 ? System.nanoTime() : retrySince;
        byte[] payload;
        Throwable failure = null;
        try {
            payload = environment.invoke(invocation.payload(), context, log);
        } catch (Throwable t) {
            failure = t;
            payload = ErrorPayload.ofThrowable(t);
        }
        double durationMs = (System.nanoTime() - handlerStart) / 1e6;
        long cpu = cpu0 < 0 ? -1 : HandlerThreadClock.cpuNanos() - cpu0;
        long allocated = HandlerThreadClock.allocatedBytes() - allocated0;
        deadlines.cancel(deadline);
        if (!state.compareAndSet(RUNNING, DONE)) {
            return; // the deadline came first; threadEnds() settles it
        }
        Outcome outcome = failure == null ? Outcome.OK : Outcome.ERROR;
        EnvironmentFailure reported = failure instanceof EnvironmentFailure f ? f : null;
        String errorType = failure == null ? null : reported != null ? reported.errorType() : failure.getClass().getName();
        if (reported != null) {
            payload = reported.payload(); // the runtime process logged the error itself
            if (reported.logLine() != null) {
                log.platform(reported.logLine());
            }
        } else if (failure != null) {
            log.write((new String(payload, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        long maxMemoryMb = environment.maxMemoryUsedMb();
        // An Error (OutOfMemoryError, StackOverflowError, LinkageError, an exit the function attempted) leaves the
        // environment in a state nobody can vouch for, and may hold the heap that ran out: it never serves again.
        boolean discard = failure instanceof Error || reported != null && reported.ended();
        if (reported != null && reported.ended()) {
            log.platform("localfaas: " + errorType + " in " + spec.name()
                    + "; its environment ended and the next request starts a new one");
        } else if (discard) {
            log.platform("localfaas: " + failure.getClass().getName() + " in " + spec.name()
                    + "; its environment is discarded and the next request starts a new one");
        }
        long billed = PlatformLines.billed(durationMs, initMs);
        log.platform(PlatformLines.end(invocation.requestId()));
        String status = outcome == Outcome.OK ? null
                : reported != null && reported.errorType().startsWith("Runtime.") ? "error\tError Type: " + errorType : "error";
        log.platform(maxMemoryMb >= 0
                ? PlatformLines.reportMeasured(invocation.requestId(), durationMs, billed, spec.memoryMb(), maxMemoryMb, initMs,
                        status)
                : PlatformLines.report(invocation.requestId(), durationMs, billed, spec.memoryMb(), allocated, initMs, status));
        log.close();
        if (discard) {
            environment.close();
        } else {
            pool.giveBack(environment);
        }
        pool.release();
        finish(result(start, durationMs, billed, outcome, payload, errorType, allocated, cpu, maxMemoryMb));
    }

    /** On the deadline thread: init or the handler ran out. Interrupts the thread and gives it a grace period. */
    private void ranOut(int phase, int ranOut) {
        Thread t = thread;
        synchronized (this) {
            if (!state.compareAndSet(phase, ranOut)) {
                return;
            }
            ranOutAtNanos = System.nanoTime();
            if (t != null) {
                t.interrupt();
            }
        }
        deadlines.after(GRACE_MILLIS, () -> abandon(ranOut));
    }

    /** On the deadline thread, a grace period after running out: the thread still runs, so answer without it. */
    private void abandon(int ranOut) {
        if (!state.compareAndSet(ranOut, ABANDONED)) {
            return;
        }
        int abandoned = pool.abandon();
        pool.config().logSink().line(spec.name(), "localfaas: WARNING the " + (ranOut == INIT_RAN_OUT ? "init" : "handler")
                + " of " + spec.name() + " (request " + invocation.requestId() + ") ignores interruption and still runs "
                + "after its timeout; its thread is abandoned and counts against " + spec.name() + "'s concurrency "
                + "until it returns (" + abandoned + " abandoned, at most " + pool.config().abandonedLimit() + ")");
        finish(ranOut == INIT_RAN_OUT ? initTimedOut() : timedOut());
    }

    /** Last thing on the handler thread: settles a run that ran out, and clears its interrupt. */
    private void threadEnds() {
        synchronized (this) {
            // An interrupt meant for this invocation must reach neither the answer written below nor the thread's
            // next task. A deadline interrupts inside this lock right after it won the state, so once we hold it,
            // any interrupt for us has been delivered.
            Thread.interrupted();
        }
        int s = state.get();
        if (s == INIT_RAN_OUT || s == TIMED_OUT) {
            if (state.compareAndSet(s, DONE)) {
                // stopped within the grace period: nothing keeps running, so the slot is free before the answer
                if (env != null) {
                    env.close();
                }
                pool.release();
                finish(s == INIT_RAN_OUT ? initTimedOut() : timedOut());
            } else {
                s = state.get();
            }
        }
        if (s == ABANDONED && state.compareAndSet(ABANDONED, DONE)) {
            if (env != null) {
                env.close();
            }
            pool.abandonedEnded();
            pool.config().logSink().line(spec.name(), "localfaas: the abandoned thread of " + spec.name() + " (request "
                    + invocation.requestId() + ") ignored its timeout and finished "
                    + PlatformLines.twoDecimals((System.nanoTime() - ranOutAtNanos) / 1e9)
                    + " s late; its result was discarded and its place is free again");
        }
    }

    private void finish(InvocationResult result) {
        report.accept(result);
        answer.complete(result);
    }

    private InvocationResult initFailed(FunctionLoadException fault) {
        start = Instant.now();
        byte[] payload = ErrorPayload.ofFault(fault.getMessage(), fault.errorType());
        Throwable cause = fault.getCause();
        log.write((fault.getMessage() + (cause == null ? "" : ": " + cause) + "\n").getBytes(StandardCharsets.UTF_8));
        log.platform(PlatformLines.start(invocation.requestId(), pool.version()));
        log.platform(PlatformLines.end(invocation.requestId()));
        long billed = PlatformLines.billed(0, initMs);
        log.platform(PlatformLines.report(invocation.requestId(), 0, billed, spec.memoryMb(), 0, initMs,
                "error\tError Type: Runtime.BadFunctionCode"));
        log.close();
        return result(start, 0, billed, Outcome.ERROR, payload,
                fault.errorType() == null ? "Runtime.BadFunctionCode" : fault.errorType(), 0, -1);
    }

    /** Init ran past its phase limit: Lambda's init timeout, with the real init figure; the handler never ran. */
    private InvocationResult initTimedOut() {
        initMs = (System.nanoTime() - initStartNanos) / 1e6;
        start = Instant.now();
        String limit = PlatformLines.twoDecimals(pool.config().initTimeout().toMillis() / 1000.0);
        String message = "Init timed out after " + limit + " seconds (the init phase's limit) and then ran past the "
                + "function's timeout of " + spec.timeoutSeconds() + ".00 seconds (" + PlatformLines.twoDecimals(initMs / 1000)
                + " seconds of init in all); the handler did not run";
        log.platform(PlatformLines.start(invocation.requestId(), pool.version()));
        log.platform(start + " " + invocation.requestId() + " " + message);
        log.platform(PlatformLines.end(invocation.requestId()));
        long billed = PlatformLines.billed(0, initMs);
        log.platform(PlatformLines.report(invocation.requestId(), 0, billed, spec.memoryMb(), 0, initMs,
                "error\tError Type: Runtime.InitError"));
        log.close();
        return result(start, 0, billed, Outcome.ERROR,
                ErrorPayload.ofFault("RequestId: " + invocation.requestId() + " Error: " + message, "Runtime.InitError"),
                "Runtime.InitError", 0, -1);
    }

    private InvocationResult timedOut() {
        double durationMs = spec.timeoutSeconds() * 1000.0;
        long billed = PlatformLines.billed(durationMs, initMs);
        log.platform(PlatformLines.timedOut(Instant.now(), invocation.requestId(),
                ErrorPayload.timeoutMessage(spec.timeoutSeconds())));
        log.platform(PlatformLines.end(invocation.requestId()));
        log.platform(PlatformLines.report(invocation.requestId(), durationMs, billed, spec.memoryMb(), 0, initMs,
                "timeout"));
        log.close();
        return result(start, durationMs, billed, Outcome.TIMEOUT,
                ErrorPayload.timeout(invocation.requestId(), spec.timeoutSeconds()), "Sandbox.Timedout", 0, -1);
    }

    private InvocationResult result(Instant at, double durationMs, long billed, Outcome outcome, byte[] payload,
                                    String errorType, long allocated, long cpuNanos) {
        return result(at, durationMs, billed, outcome, payload, errorType, allocated, cpuNanos, -1);
    }

    private InvocationResult result(Instant at, double durationMs, long billed, Outcome outcome, byte[] payload,
                                    String errorType, long allocated, long cpuNanos, long maxMemoryMb) {
        return new InvocationResult(spec.name(), pool.version(), invocation.requestId(), invocation.trigger(), at,
                durationMs, initMs, billed, spec.memoryMb(), outcome, payload, errorType, log.text(),
                invocation.payload().length, allocated, cpuNanos, invocation.triggerDetail(), trace, maxMemoryMb,
                log.continuedLines());
    }
}
