package dev.localfaas.runtime.execution;

import dev.localfaas.runtime.function.FunctionSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The slots and warm environments of one function version. A slot is a place under the function's concurrency
 * limit (its reserved concurrency, if any, and the account's); {@link InvocationRun} takes one, and gives it back in
 * one place. A request that finds no slot is throttled, never queued, as on Lambda. Handlers that ignored their
 * timeout keep their slot ("abandoned") until their thread ends, and at most {@code abandonedLimit} of them may.
 */
final class FunctionPool {

    static final String LATEST = "$LATEST";

    private final FunctionSpec spec;
    private final String version;
    private final CodeSnapshot code;
    private final RuntimeConfig config;
    private final Supplier<Map<String, String>> platformVariables;
    private final String arn;
    private final String logGroup;
    private final Semaphore account;
    private final Semaphore reserved;
    private final Deque<Environment> idle = new ArrayDeque<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final AtomicLong invocations = new AtomicLong();
    private boolean retired;

    FunctionPool(FunctionSpec spec, CodeSnapshot code, RuntimeConfig config, Semaphore account,
                 Supplier<Map<String, String>> platformVariables) {
        this(spec, LATEST, code, config, account, platformVariables);
    }

    /** The pool of a published version ({@code "3"}) or of {@code $LATEST}; each has its own environments. */
    FunctionPool(FunctionSpec spec, String version, CodeSnapshot code, RuntimeConfig config, Semaphore account,
                 Supplier<Map<String, String>> platformVariables) {
        this.spec = spec;
        this.version = version;
        this.code = code;
        this.config = config;
        this.platformVariables = platformVariables;
        this.arn = config.functionArn(spec.name());
        this.logGroup = "/aws/lambda/" + spec.name();
        this.account = account;
        this.reserved = spec.concurrency() > 0 ? new Semaphore(spec.concurrency()) : null;
    }

    FunctionSpec spec() {
        return spec;
    }

    /** {@code $LATEST} or a published version's number. */
    String version() {
        return version;
    }

    /**
     * Holds this version's code for one invocation, before {@link #acquire()}: false when a deploy retired the pool
     * since it was looked up and nothing used its code any more (it is deleted), so the new version must serve.
     */
    boolean enter() {
        return code.acquire();
    }

    /**
     * Takes a slot for an invocation that {@link #enter entered}: empty when taken (the slot keeps the code until it
     * is given back), else why the invocation is throttled.
     */
    Optional<Throttle> acquire() {
        invocations.incrementAndGet();
        int stuck = abandoned.get();
        Throttle throttle = null;
        if (stuck >= config.abandonedLimit() && stuck > 0) {
            throttle = Throttle.abandoned(spec, stuck, config.abandonedLimit());
        } else if (reserved != null && !reserved.tryAcquire()) {
            throttle = Throttle.reserved(spec, stuck);
        } else if (!account.tryAcquire()) {
            if (reserved != null) {
                reserved.release();
            }
            throttle = Throttle.account(spec, stuck);
        }
        if (throttle != null) {
            code.release();
            return Optional.of(throttle);
        }
        busy.incrementAndGet();
        return Optional.empty();
    }

    /** Gives back the slot of an invocation that ended. */
    void release() {
        busy.decrementAndGet();
        releaseSlot();
    }

    /** The handler of a timed-out invocation ignores interruption: its slot stays taken until its thread ends. */
    int abandon() {
        busy.decrementAndGet();
        return abandoned.incrementAndGet();
    }

    /** The thread of an abandoned handler ended at last: its slot is free. */
    void abandonedEnded() {
        abandoned.decrementAndGet();
        releaseSlot();
    }

    private void releaseSlot() {
        if (reserved != null) {
            reserved.release();
        }
        account.release();
        code.release();
    }

    /** A warm environment, most recently used first, or null for a cold start. */
    Environment takeWarm() {
        synchronized (idle) {
            return idle.pollFirst();
        }
    }

    /** An environment that finished an invocation cleanly goes back to the warm pool (or closes if retired). */
    void giveBack(Environment env) {
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
        List<Environment> expired = new ArrayList<>();
        synchronized (idle) {
            idle.removeIf(env -> {
                if (env.idleNanos() >= limit) {
                    expired.add(env);
                    return true;
                }
                return false;
            });
        }
        expired.forEach(Environment::close);
        return expired.size();
    }

    /**
     * No new environments go warm; idle ones close now, busy ones when their invocation ends. The code snapshot is
     * deleted when the last of them closes.
     */
    void retire() {
        List<Environment> closing;
        synchronized (idle) {
            retired = true;
            closing = new ArrayList<>(idle);
            idle.clear();
        }
        closing.forEach(Environment::close);
        code.retire();
    }

    FunctionStats stats() {
        int warm;
        synchronized (idle) {
            warm = idle.size();
        }
        return new FunctionStats(spec.name(), warm, busy.get(), invocations.get(), abandoned.get());
    }

    /** The classloaders of the warm environments, for tests that check they are released. */
    List<ClassLoader> idleLoaders() {
        synchronized (idle) {
            return idle.stream().map(Environment::loader).filter(java.util.Objects::nonNull).toList();
        }
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

    CodeSnapshot code() {
        return code;
    }

    RuntimeConfig config() {
        return config;
    }
}
