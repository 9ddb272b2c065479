package dev.localfaas.runtime.execution;

import dev.localfaas.runtime.function.FunctionSpec;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The execution environments of one function version: warm ones waiting, busy ones counted, at most
 * {@code concurrency} at once. A request that finds no room is throttled, never queued, as on Lambda.
 */
final class FunctionPool {

    private final FunctionSpec spec;
    private final Path code;
    private final RuntimeConfig config;
    private final ExecutorService executor;
    private final Deadlines timer;
    private final Supplier<Map<String, String>> platformVariables;
    private final String arn;
    private final String logGroup;
    private final Semaphore account;
    private final Semaphore reserved;
    private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicLong invocations = new AtomicLong();
    private volatile boolean retired;

    FunctionPool(FunctionSpec spec, Path code, RuntimeConfig config, ExecutorService executor,
                 Deadlines timer, Semaphore account, Supplier<Map<String, String>> platformVariables) {
        this.spec = spec;
        this.code = code;
        this.config = config;
        this.executor = executor;
        this.timer = timer;
        this.platformVariables = platformVariables;
        this.arn = config.functionArn(spec.name());
        this.logGroup = "/aws/lambda/" + spec.name();
        this.account = account;
        this.reserved = spec.concurrency() > 0 ? new Semaphore(spec.concurrency()) : null;
    }

    FunctionSpec spec() {
        return spec;
    }

    /** Starts an invocation; the slot it takes is given back when the caller is answered. */
    CompletableFuture<InvocationResult> invoke(Invocation invocation) {
        invocations.incrementAndGet();
        String throttle = acquire();
        if (throttle != null) {
            return CompletableFuture.completedFuture(Throttles.result(spec, invocation, throttle));
        }
        busy.incrementAndGet();
        ExecutionEnvironment env;
        synchronized (idle) {
            env = idle.pollFirst();
        }
        CompletableFuture<InvocationResult> answer;
        try {
            answer = new Attempt(this, env, invocation, timer).start(executor);
        } catch (RuntimeException e) {
            release();
            throw e;
        }
        answer.whenComplete((result, failure) -> release());
        return answer;
    }

    private void release() {
        busy.decrementAndGet();
        if (reserved != null) {
            reserved.release();
        }
        account.release();
    }

    Map<String, String> platformVariables() {
        return platformVariables.get();
    }

    String arn() {
        return arn;
    }

    String logGroup() {
        return logGroup;
    }

    /** Takes a slot; returns null on success, else the throttle reason. */
    private String acquire() {
        if (reserved != null && !reserved.tryAcquire()) {
            return Throttles.RESERVED;
        }
        if (!account.tryAcquire()) {
            if (reserved != null) {
                reserved.release();
            }
            return Throttles.ACCOUNT;
        }
        return null;
    }

    /** An environment that finished an invocation cleanly goes back to the warm pool (or closes if retired). */
    void giveBack(ExecutionEnvironment env) {
        synchronized (idle) {
            if (!retired) {
                idle.addFirst(env);
                return;
            }
        }
        env.close();
    }

    /** Closes environments idle longer than the keep-warm time: the next request is a cold start. */
    int evictIdle() {
        long limit = config.keepWarm().toNanos();
        List<ExecutionEnvironment> expired = new ArrayList<>();
        synchronized (idle) {
            idle.removeIf(env -> {
                if (env.idleNanos() >= limit) {
                    expired.add(env);
                    return true;
                }
                return false;
            });
        }
        expired.forEach(ExecutionEnvironment::close);
        return expired.size();
    }

    /** No new environments go warm; idle ones close now, busy ones when their invocation ends. */
    void retire() {
        List<ExecutionEnvironment> closing;
        synchronized (idle) {
            retired = true;
            closing = new ArrayList<>(idle);
            idle.clear();
        }
        closing.forEach(ExecutionEnvironment::close);
    }

    FunctionStats stats() {
        int warm;
        synchronized (idle) {
            warm = idle.size();
        }
        return new FunctionStats(spec.name(), warm, busy.get(), invocations.get());
    }

    /** The classloaders of the warm environments, for tests that check they are released. */
    List<ClassLoader> idleLoaders() {
        synchronized (idle) {
            return idle.stream().map(ExecutionEnvironment::loader).toList();
        }
    }

    Path code() {
        return code;
    }

    RuntimeConfig config() {
        return config;
    }
}
