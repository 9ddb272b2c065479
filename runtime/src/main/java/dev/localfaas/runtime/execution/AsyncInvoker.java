package dev.localfaas.runtime.execution;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs invocations in the background the way Lambda runs asynchronous ones (Invoke API {@code Event}, EventBridge
 * schedules): accepted at once into a bounded queue, run on the function's own environments under its concurrency
 * limit (the engine's non-blocking {@link FunctionInvoker#invokeAsync}; no thread of ours waits on a handler),
 * retried after a function error or timeout as the {@link RetryPolicy} says, retried with backoff after a throttle,
 * and — when every attempt failed — handed to a failure callback (the log, a dead-letter destination). Every attempt
 * reuses the request id, as Lambda does.
 */
public final class AsyncInvoker implements AutoCloseable {

    public static final int DEFAULT_CAPACITY = 10_000;

    /** One accepted event, until its last attempt. */
    private record Event(String function, Invocation invocation, long acceptedNanos,
                         CompletableFuture<InvocationResult> done) {
    }

    private final FunctionInvoker invoker;
    private final RetryPolicy policy;
    private final Consumer<InvocationResult> onFinalFailure;
    private final int capacity;
    private final ScheduledExecutorService timer;
    private final Executor attempts;
    private final ExecutorService ownAttempts;
    private final Set<Event> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger size = new AtomicInteger();
    private volatile boolean closed;

    public AsyncInvoker(FunctionInvoker invoker, RetryPolicy policy, Consumer<InvocationResult> onFinalFailure) {
        this(invoker, policy, onFinalFailure, null, DEFAULT_CAPACITY);
    }

    /**
     * @param attempts where an attempt waits for an invoker that can only block ({@link FunctionInvoker#nonBlocking()}
     *                 false), owned by the caller; null for a pool of our own. Unused for the engine.
     * @param capacity how many events may be accepted and not yet done; beyond it {@link #submit} refuses
     */
    public AsyncInvoker(FunctionInvoker invoker, RetryPolicy policy, Consumer<InvocationResult> onFinalFailure,
                        Executor attempts, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the event queue capacity must be at least 1, got " + capacity);
        }
        this.invoker = invoker;
        this.policy = policy;
        this.onFinalFailure = onFinalFailure;
        this.capacity = capacity;
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("faas-async-retry"));
        this.ownAttempts = attempts == null && !invoker.nonBlocking()
                ? Executors.newCachedThreadPool(daemon("faas-async-attempt")) : null;
        this.attempts = attempts != null ? attempts : ownAttempts;
    }

    /**
     * Accepts an event; the future completes with its last attempt's result.
     *
     * @throws EventQueueFullException when {@code capacity} events are already accepted and not done
     */
    public CompletableFuture<InvocationResult> submit(String function, Invocation invocation) {
        if (closed) {
            throw new IllegalStateException("the asynchronous invoker is closed");
        }
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            throw new EventQueueFullException(function, capacity);
        }
        Event event = new Event(function, invocation, System.nanoTime(), new CompletableFuture<>());
        accepted.add(event);
        attempt(event, 0, null);
        return event.done();
    }

    private void attempt(Event event, int retries, Duration throttleWait) {
        if (closed) {
            return;
        }
        CompletableFuture<InvocationResult> call;
        try {
            call = invoker.nonBlocking()
                    ? invoker.invokeAsync(event.function(), event.invocation())
                    : CompletableFuture.supplyAsync(() -> invoker.invoke(event.function(), event.invocation()), attempts);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((result, failure) -> settle(event, retries, throttleWait, result, failure));
    }

    private void settle(Event event, int retries, Duration throttleWait, InvocationResult result, Throwable failure) {
        if (failure != null) {
            done(event);
            event.done().completeExceptionally(failure);
            return;
        }
        if (result.outcome() == Outcome.THROTTLED) {
            Duration wait = policy.nextThrottleBackoff(throttleWait);
            Duration age = Duration.ofNanos(System.nanoTime() - event.acceptedNanos());
            if (age.plus(wait).compareTo(policy.maxEventAge()) < 0) {
                later(wait, () -> attempt(event, retries, wait));
                return;
            }
        } else if (result.failed() && retries < policy.maxRetries()) {
            later(policy.delays().get(retries), () -> attempt(event, retries + 1, throttleWait));
            return;
        }
        done(event);
        if (result.failed()) {
            onFinalFailure.accept(result);
        }
        event.done().complete(result);
    }

    private void later(Duration wait, Runnable attempt) {
        try {
            timer.schedule(attempt, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile: the event is dropped, as close() says
        }
    }

    private void done(Event event) {
        if (accepted.remove(event)) {
            size.decrementAndGet();
        }
    }

    /** Per function with events accepted and not yet done: how many, and the age of the oldest. */
    public List<EventQueueStats> stats() {
        long now = System.nanoTime();
        Map<String, List<Event>> byFunction = accepted.stream().collect(Collectors.groupingBy(Event::function));
        return byFunction.entrySet().stream()
                .map(e -> new EventQueueStats(e.getKey(), e.getValue().size(), TimeUnit.NANOSECONDS.toMillis(
                        now - e.getValue().stream().mapToLong(Event::acceptedNanos).min().orElse(now))))
                .sorted(Comparator.comparing(EventQueueStats::function))
                .toList();
    }

    /** Events accepted and not yet done, all functions together. */
    public int depth() {
        return size.get();
    }

    /** Stops retrying: events waiting for a retry are dropped; attempts running finish on their own. */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        if (ownAttempts != null) {
            ownAttempts.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
