package dev.localfaas.runtime.execution;

import java.time.Instant;

/**
 * What one invocation produced and what it cost.
 *
 * @param function      function name
 * @param version       executed version ({@code $LATEST})
 * @param requestId     request id
 * @param trigger       what started it
 * @param start         when the handler was called (or the request was throttled)
 * @param durationMs    handler time, without init
 * @param initMs        init duration when this was a cold start, else 0
 * @param billedMs      ceil(duration + init), 0 when throttled
 * @param memoryMb      configured memory
 * @param outcome       ok, error, timeout or throttled
 * @param payload       the response bytes, or the error JSON for an error or timeout
 * @param errorType     the error's type ({@code java.lang.ArithmeticException}, {@code Sandbox.Timedout}), or null
 * @param log           the invocation's log, START to REPORT, as CloudWatch would hold it
 * @param requestBytes  size of the event
 * @param allocatedBytes bytes the invoking thread allocated: a stand-in for memory use, not Lambda's Max Memory Used
 * @param cpuNanos      CPU time of the handler's thread during the handler call, in ns (init not included); -1 when
 *                      the JVM cannot measure it or the handler did not return (timeout, init failure, throttle)
 */
public record InvocationResult(
        String function,
        String version,
        String requestId,
        Trigger trigger,
        Instant start,
        double durationMs,
        double initMs,
        long billedMs,
        int memoryMb,
        Outcome outcome,
        byte[] payload,
        String errorType,
        String log,
        long requestBytes,
        long allocatedBytes,
        long cpuNanos) {

    public boolean coldStart() {
        return initMs > 0;
    }

    public long responseBytes() {
        return payload == null ? 0 : payload.length;
    }

    public boolean failed() {
        return outcome != Outcome.OK;
    }
}
