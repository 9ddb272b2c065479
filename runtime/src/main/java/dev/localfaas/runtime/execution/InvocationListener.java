package dev.localfaas.runtime.execution;

/** Told of every completed (or throttled) invocation, whatever started it; metering and the live log listen. */
@FunctionalInterface
public interface InvocationListener {
    void onInvocation(InvocationResult result);
}
