package dev.localfaas.runtime.trigger.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.execution.FunctionInvoker;
import dev.localfaas.runtime.execution.Invocation;
import dev.localfaas.runtime.execution.TraceLink;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.RetryPolicy;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.execution.UnknownFunctionException;
import dev.localfaas.runtime.function.EventSources.AsyncInvokeSpec;
import dev.localfaas.runtime.trigger.queue.OutgoingMessage;
import dev.localfaas.runtime.trigger.queue.QueueBackend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Lambda's asynchronous invocation for the deliveries of topics, event rules and buckets: accepted at once, run on a
 * bounded pool, retried after a function error or timeout as the function's {@link AsyncInvokeSpec} allows (two
 * retries by default, after the policy's delays), each attempt with the same request id; when every attempt failed,
 * the invocation record goes to the on-failure queue, if any, and a notice says so. A throttled attempt is put back
 * with a growing wait (100 ms to 5 s) without using up a retry, as Lambda keeps throttled events queued.
 *
 * <p>Kept apart from {@code execution.AsyncInvoker} on purpose: it calls the execution layer only through
 * {@link FunctionInvoker#invoke}, so the execution layer's own Event path can change beneath it.
 */
public final class AsyncDelivery implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Deliveries that run at once, across all functions: a laptop's worth of environments (each a cold start), well
     * below the default account concurrency (100).
     */
    private static final int ATTEMPT_THREADS = 16;
    /** A throttled attempt waits this long, doubling up to {@link #MAX_THROTTLE_WAIT_MS}, and is not a retry. */
    private static final long FIRST_THROTTLE_WAIT_MS = 100;
    private static final long MAX_THROTTLE_WAIT_MS = 5_000;

    private final FunctionInvoker invoker;
    private final QueueBackend queues;
    private final RetryPolicy delays;
    private final String functionArnPrefix;
    private final Consumer<String> notices;
    private final ExecutorService attempts;
    private final ScheduledExecutorService timer;

    /**
     * @param delays         the wait before each retry (Lambda: about 1 and 2 minutes); its size caps the retries
     * @param region         region in the function ARNs of invocation records
     * @param account        account in those ARNs
     */
    public AsyncDelivery(FunctionInvoker invoker, QueueBackend queues, RetryPolicy delays, String region, String account,
                         Consumer<String> notices) {
        this.invoker = invoker;
        this.queues = queues;
        this.delays = delays;
        this.functionArnPrefix = "arn:aws:lambda:" + region + ":" + account + ":function:";
        this.notices = notices;
        AtomicInteger n = new AtomicInteger();
        this.attempts = Executors.newFixedThreadPool(ATTEMPT_THREADS, r -> daemon(r, "faas-deliver-" + n.incrementAndGet()));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "faas-deliver-retry"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Invokes {@code function} with {@code payload} in the background; {@code counts} learns the final outcome. The
     * future completes with the last attempt's result (exceptionally if the function does not exist or this is
     * closed).
     *
     * @param source what is delivering, for notices: {@code topic orders}, {@code rule audit on bus default}
     */
    public CompletableFuture<InvocationResult> deliver(String function, byte[] payload, Trigger trigger,
                                                       DeliveryCounts counts, String source) {
        return deliver(function, payload, trigger, counts, source, null);
    }

    /** Like {@link #deliver(String, byte[], Trigger, DeliveryCounts, String)}, continuing the publisher's trace. */
    public CompletableFuture<InvocationResult> deliver(String function, byte[] payload, Trigger trigger,
                                                       DeliveryCounts counts, String source, TraceLink trace) {
        Invocation invocation = Invocation.of(payload, trigger).withTrace(trace);
        CompletableFuture<InvocationResult> done = new CompletableFuture<>();
        submit(() -> attempt(function, invocation, 0, 0, counts, source, done), done);
        return done;
    }

    private void attempt(String function, Invocation invocation, int retry, int throttles, DeliveryCounts counts,
                         String source, CompletableFuture<InvocationResult> done) {
        InvocationResult result;
        AsyncInvokeSpec config;
        try {
            config = invoker.function(function).map(f -> f.events().async()).orElseThrow(
                    () -> new UnknownFunctionException(function));
            result = invoker.invoke(function, invocation);
        } catch (RuntimeException e) {
            counts.failed();
            notices.accept(function + ": delivery from " + source + " could not run: " + e.getMessage());
            done.completeExceptionally(e);
            return;
        }
        int allowed = Math.min(config.maximumRetryAttempts(), delays.maxRetries());
        if (!result.failed()) {
            counts.delivered();
            done.complete(result);
        } else if (result.outcome() == Outcome.THROTTLED || retry < allowed) {
            boolean throttled = result.outcome() == Outcome.THROTTLED;
            long wait = throttled ? Math.min(MAX_THROTTLE_WAIT_MS, FIRST_THROTTLE_WAIT_MS << Math.min(throttles, 10))
                    : delays.delays().get(retry).toMillis();
            int nextRetry = throttled ? retry : retry + 1;
            int nextThrottles = throttled ? throttles + 1 : throttles;
            try {
                timer.schedule(() -> submit(() -> attempt(function, invocation, nextRetry, nextThrottles, counts, source,
                        done), done), wait, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                done.complete(result);
            }
        } else {
            counts.failed();
            onFailure(function, invocation, result, retry + 1, config, source);
            done.complete(result);
        }
    }

    private void submit(Runnable attempt, CompletableFuture<InvocationResult> done) {
        try {
            attempts.execute(attempt);
        } catch (RejectedExecutionException closing) {
            done.completeExceptionally(new IllegalStateException("deliveries are closed"));
        }
    }

    private void onFailure(String function, Invocation invocation, InvocationResult result, int attempts,
                           AsyncInvokeSpec config, String source) {
        String what = function + ": event " + invocation.requestId() + " from " + source + " failed after " + attempts
                + " attempt" + (attempts == 1 ? "" : "s") + " (" + result.outcome().id()
                + (result.errorType() == null ? "" : ", " + result.errorType()) + ")";
        if (config.onFailureQueue().isEmpty()) {
            notices.accept(what + "; the event is dropped (set @AsyncInvokeConfig(onFailureQueue = ...) to keep it)");
            return;
        }
        try {
            queues.send(config.onFailureQueue(), OutgoingMessage.of(invocationRecord(function, invocation, result, attempts)));
            notices.accept(what + "; its invocation record is on queue " + config.onFailureQueue());
        } catch (RuntimeException e) {
            notices.accept(what + "; the on-failure queue " + config.onFailureQueue() + " refused it: " + e.getMessage());
        }
    }

    /** The record Lambda sends to an on-failure destination (invocation-async docs), condition RetriesExhausted. */
    private String invocationRecord(String function, Invocation invocation, InvocationResult result, int attempts) {
        ObjectNode record = JSON.createObjectNode();
        record.put("version", "1.0");
        record.put("timestamp", Instant.now().toString());
        ObjectNode request = record.putObject("requestContext");
        request.put("requestId", invocation.requestId());
        request.put("functionArn", functionArnPrefix + function + ":$LATEST");
        request.put("condition", "RetriesExhausted");
        request.put("approximateInvokeCount", attempts);
        record.set("requestPayload", json(invocation.payload()));
        ObjectNode response = record.putObject("responseContext");
        response.put("statusCode", 200);
        response.put("executedVersion", "$LATEST");
        response.put("functionError", "Unhandled");
        record.set("responsePayload", json(result.payload()));
        return record.toString();
    }

    private static JsonNode json(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** Drops pending retries; attempts running now finish. */
    @Override
    public void close() {
        timer.shutdownNow();
        attempts.shutdown();
    }
}
