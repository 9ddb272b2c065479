package dev.localfaas.runtime.runtimeapi;

/**
 * One event handed to a runtime on {@code GET /2018-06-01/runtime/invocation/next}: the body and the
 * {@code Lambda-Runtime-*} headers Lambda sends with it.
 *
 * @param requestId          {@code Lambda-Runtime-Aws-Request-Id}
 * @param deadlineMs         {@code Lambda-Runtime-Deadline-Ms}: epoch milliseconds when the invocation times out
 * @param invokedFunctionArn {@code Lambda-Runtime-Invoked-Function-Arn}
 * @param traceId            {@code Lambda-Runtime-Trace-Id}
 * @param clientContext      {@code Lambda-Runtime-Client-Context} (JSON), or null
 * @param cognitoIdentity    {@code Lambda-Runtime-Cognito-Identity} (JSON), or null
 * @param payload            the event
 */
public record RuntimeInvocation(String requestId, long deadlineMs, String invokedFunctionArn, String traceId,
                                String clientContext, String cognitoIdentity, byte[] payload) {
}
