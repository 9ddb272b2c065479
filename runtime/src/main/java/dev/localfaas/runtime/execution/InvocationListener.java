package dev.localfaas.runtime.execution;

import java.util.List;

/**
 * Told of every completed (or throttled) invocation, whatever started it; metering and the live log listen. The
 * engine tells it on its writer thread, after the caller was answered, in batches.
 */
@FunctionalInterface
public interface InvocationListener {
    void onInvocation(InvocationResult result);

    /** A batch of results in the order they completed; a listener that can write them at once overrides this. */
    default void onInvocations(List<InvocationResult> results) {
        results.forEach(this::onInvocation);
    }
}
