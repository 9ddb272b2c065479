package dev.localfaas.runtime.execution;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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
        return new Invocation(payload, trigger, newRequestId(), null, null);
    }

    /**
     * A random (version 4) UUID, as Lambda's request ids are. Not from {@code UUID.randomUUID()}: its
     * SecureRandom serializes every request through one lock, and a request id needs no cryptographic strength.
     */
    public static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
