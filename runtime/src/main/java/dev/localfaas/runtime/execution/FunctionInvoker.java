package dev.localfaas.runtime.execution;

import dev.localfaas.runtime.function.FunctionSpec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The one way triggers (gateway, Invoke API, schedules, queues, CLI) reach functions. It always reflects the
 * functions currently loaded, so that hot reload is invisible to callers.
 */
public interface FunctionInvoker {

    List<FunctionSpec> functions();

    Optional<FunctionSpec> function(String name);

    /**
     * Runs one invocation and waits for it. Function errors, timeouts and throttles are results, not exceptions.
     *
     * @throws UnknownFunctionException when no function has that name
     */
    InvocationResult invoke(String function, Invocation invocation);

    /**
     * Starts an invocation and returns at once; the future completes when the handler returns or its deadline
     * passes. Callers that must not block a thread (the gateway's IO path) use this. The default runs
     * {@link #invoke} on the calling thread, for invokers that have nothing better.
     *
     * @throws UnknownFunctionException when no function has that name
     */
    default CompletableFuture<InvocationResult> invokeAsync(String function, Invocation invocation) {
        return CompletableFuture.completedFuture(invoke(function, invocation));
    }

    /**
     * Whether a call naming {@code qualifier} (a version, an alias, {@code $LATEST}; null for none) finds something
     * to run. Invokers without versions know only {@code $LATEST}.
     */
    default boolean resolves(String function, String qualifier) {
        return function(function).isPresent() && (qualifier == null || qualifier.equals("$LATEST"));
    }

    /**
     * Whether {@link #invokeAsync} returns without blocking, so that it may be called on a thread that must never
     * wait (an HTTP IO thread). False for the default implementation.
     */
    default boolean nonBlocking() {
        return false;
    }
}
