package dev.localfaas.runtime.execution;

import dev.localfaas.runtime.function.FunctionSpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Why a request was throttled: Lambda's reason and {@code TooManyRequestsException} body, with a message that says
 * when handlers that ignored their timeout are what holds the function's places. Throttles are not billed.
 */
record Throttle(String reason, String message) {

    static final String RESERVED = "ReservedFunctionConcurrentInvocationLimitExceeded";
    static final String ACCOUNT = "ConcurrentInvocationLimitExceeded";
    private static final String RATE_EXCEEDED = "Rate Exceeded.";

    static Throttle reserved(FunctionSpec spec, int abandoned) {
        return new Throttle(RESERVED, RATE_EXCEEDED + stuck(spec, abandoned));
    }

    static Throttle account(FunctionSpec spec, int abandoned) {
        return new Throttle(ACCOUNT, RATE_EXCEEDED + stuck(spec, abandoned));
    }

    static Throttle abandoned(FunctionSpec spec, int abandoned, int limit) {
        return new Throttle(spec.concurrency() > 0 ? RESERVED : ACCOUNT, RATE_EXCEEDED + " " + abandoned
                + " handlers of " + spec.name() + " ignored their timeout and still run (at most " + limit
                + " may); it is throttled until one returns");
    }

    private static String stuck(FunctionSpec spec, int abandoned) {
        return abandoned == 0 ? "" : " " + abandoned + " of " + spec.name()
                + "'s places are held by handlers that ignored their timeout and still run";
    }

    InvocationResult result(FunctionSpec spec, String version, Invocation invocation) {
        byte[] body = ("{\"Reason\":\"" + reason + "\",\"Type\":\"User\",\"message\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        return new InvocationResult(spec.name(), version, invocation.requestId(), invocation.trigger(),
                Instant.now(), 0, 0, 0, spec.memoryMb(), Outcome.THROTTLED, body, reason, "",
                invocation.payload().length, 0, -1, invocation.triggerDetail(), TraceSpan.of(invocation.trace()));
    }
}
