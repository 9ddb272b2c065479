package dev.localfaas.runtime.execution;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs invocations in the background the way Lambda runs asynchronous ones (Invoke API {@code Event}, EventBridge
 * schedules): accepted at once, retried on a function error or timeout after the policy's delays, and — when every
 * attempt failed — handed to a failure callback (the log, a dead-letter destination). A throttled attempt is
 * retried too, since Lambda keeps a throttled event queued. Every attempt reuses the request id, as Lambda does.
 */
public final class AsyncInvoker implements AutoCloseable {

    private final FunctionInvoker invoker;
    private final RetryPolicy policy;
    private final Consumer<InvocationResult> onFinalFailure;
    private final ScheduledExecutorService scheduler;
    private final Executor attempts;

    public AsyncInvoker(FunctionInvoker invoker, RetryPolicy policy, Consumer<InvocationResult> onFinalFailure) {
        this(invoker, policy, onFinalFailure, null);
    }

    /**
     * Runs each attempt on {@code attempts} (owned by the caller) rather than on the two retry-timer threads, so that
     * as many invocations run at once as the caller allows: a schedule whose previous firing still runs starts another
     * environment, as EventBridge does, instead of queueing behind it.
     */
    public AsyncInvoker(FunctionInvoker invoker, RetryPolicy policy, Consumer<InvocationResult> onFinalFailure,
            Executor attempts) {
        this.invoker = invoker;
        this.policy = policy;
        this.onFinalFailure = onFinalFailure;
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "faas-async");
            t.setDaemon(true);
            return t;
        });
        this.attempts = attempts == null ? scheduler : attempts;
    }

    /** Queues the invocation; the future completes with the last attempt's result. */
    public CompletableFuture<InvocationResult> submit(String function, Invocation invocation) {
        CompletableFuture<InvocationResult> done = new CompletableFuture<>();
        attempts.execute(() -> attempt(function, invocation, 0, done));
        return done;
    }

    private void attempt(String function, Invocation invocation, int retry, CompletableFuture<InvocationResult> done) {
        InvocationResult result;
        try {
            result = invoker.invoke(function, invocation);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return;
        }
        if (!result.failed()) {
            done.complete(result);
        } else if (retry < policy.maxRetries()) {
            scheduler.schedule(() -> attempts.execute(() -> attempt(function, invocation, retry + 1, done)),
                    policy.delays().get(retry).toMillis(), TimeUnit.MILLISECONDS);
        } else {
            onFinalFailure.accept(result);
            done.complete(result);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
