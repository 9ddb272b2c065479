package dev.localfaas.runtime.execution;

import java.util.UUID;

/**
 * One request to a function.
 *
 * @param payload       the event bytes (JSON for POJO handlers, anything for stream handlers)
 * @param trigger       what started it
 * @param requestId     the request id the handler sees as {@code getAwsRequestId()}
 * @param clientContext client context JSON ({@code X-Amz-Client-Context}, decoded), or null
 * @param qualifier     the qualifier the caller used ({@code $LATEST}, an alias ...), or null
 */
public record Invocation(byte[] payload, Trigger trigger, String requestId, String clientContext, String qualifier) {

    public static Invocation of(byte[] payload, Trigger trigger) {
        return new Invocation(payload, trigger, UUID.randomUUID().toString(), null, null);
    }
}
