package dev.localfaas.runtime.execution;

import dev.localfaas.runtime.function.FunctionSpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Throttled requests: Lambda's reasons and its {@code TooManyRequestsException} body. Not billed. */
final class Throttles {
    static final String RESERVED = "ReservedFunctionConcurrentInvocationLimitExceeded";
    static final String ACCOUNT = "ConcurrentInvocationLimitExceeded";

    private Throttles() {
    }

    static InvocationResult result(FunctionSpec spec, Invocation invocation, String reason) {
        byte[] body = ("{\"Reason\":\"" + reason + "\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}")
                .getBytes(StandardCharsets.UTF_8);
        return new InvocationResult(spec.name(), "$LATEST", invocation.requestId(), invocation.trigger(),
                Instant.now(), 0, 0, 0, spec.memoryMb(), Outcome.THROTTLED, body, reason, "",
                invocation.payload().length, 0, -1, invocation.triggerDetail());
    }
}
