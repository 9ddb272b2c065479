package dev.localfaas.runtime.isolation;

/**
 * What the {@code Context} of one invocation answers.
 *
 * @param traceHeader the X-Ray trace header ({@code getXrayTraceId()}, {@code _X_AMZN_TRACE_ID}), or null
 */
public record ContextValues(
        String requestId,
        String functionName,
        String functionVersion,
        String invokedFunctionArn,
        String logGroupName,
        String logStreamName,
        int memoryLimitInMB,
        long deadlineMillis,
        String clientContext,
        String traceHeader) {
}
