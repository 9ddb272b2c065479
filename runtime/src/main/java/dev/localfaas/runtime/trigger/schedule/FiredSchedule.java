package dev.localfaas.runtime.trigger.schedule;

import dev.localfaas.runtime.execution.InvocationResult;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A firing started by {@link Scheduler#fireNow(String)}.
 *
 * @param function      the function invoked
 * @param rule          the rule that fired
 * @param requestId     the invocation's request id (every retry reuses it)
 * @param scheduledTime the event's {@code time}
 * @param result        completes with the last attempt's result, after any retries
 */
public record FiredSchedule(String function, String rule, String requestId, Instant scheduledTime,
        CompletableFuture<InvocationResult> result) {
}
