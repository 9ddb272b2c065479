package dev.localfaas.runtime.isolation;

/** What the {@code Context} of one invocation answers. */
public record ContextValues(
        String requestId,
        String functionName,
        String functionVersion,
        String invokedFunctionArn,
        String logGroupName,
        String logStreamName,
        int memoryLimitInMB,
        long deadlineMillis,
        String clientContext) {
}
