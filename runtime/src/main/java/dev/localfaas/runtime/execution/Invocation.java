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
 * @param triggerDetail what the trigger knows about how the call arrived, opaque to execution and carried into the
 *                      result for metering: for HTTP, the API Gateway payload format version ("1.0" or "2.0"); or null
 * @param trace         the trace the caller's {@code X-Amzn-Trace-Id} (or the message's {@code AWSTraceHeader}) puts
 *                      it in, or null: the invocation then starts a trace of its own
 */
public record Invocation(byte[] payload, Trigger trigger, String requestId, String clientContext, String qualifier,
        String triggerDetail, TraceLink trace) {

    public Invocation(byte[] payload, Trigger trigger, String requestId, String clientContext, String qualifier) {
        this(payload, trigger, requestId, clientContext, qualifier, null, null);
    }

    public Invocation(byte[] payload, Trigger trigger, String requestId, String clientContext, String qualifier,
                      String triggerDetail) {
        this(payload, trigger, requestId, clientContext, qualifier, triggerDetail, null);
    }

    /** This invocation, joining the trace {@code link}. */
    public Invocation withTrace(TraceLink link) {
        return new Invocation(payload, trigger, requestId, clientContext, qualifier, triggerDetail, link);
    }

    public static Invocation of(byte[] payload, Trigger trigger) {
        return new Invocation(payload, trigger, newRequestId(), null, null, null, null);
    }

    public static Invocation of(byte[] payload, Trigger trigger, String triggerDetail) {
        return new Invocation(payload, trigger, newRequestId(), null, null, triggerDetail, null);
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
