package dev.localfaas.runtime.execution;

import java.time.Instant;
import java.util.List;

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
 * @param cpuNanos      CPU time of the handler's thread while the handler ran, in ns (init not included), or -1 when
 *                      unknown: not sampled (warm invocations are measured one in
 *                      {@code InvocationRun.CPU_SAMPLE_EVERY}), timed out, init failed, throttled, or the JVM does not
 *                      measure thread CPU time
 * @param triggerDetail what the trigger adds about how the call arrived ({@link Invocation#triggerDetail()}), or null
 * @param trace         where it sits in its trace, or null when not traced (results built outside the engine)
 * @param maxMemoryUsedMb the environment's real peak memory (a process environment's peak RSS), or -1 where it is
 *                      not measured (class-loader isolation)
 * @param continuedLines the lines of {@code log} (0-based, as {@code log.split("\n")} numbers them) that continue the
 *                      log record of the line before: the later lines of a multi-line {@code LambdaLogger.log}
 *                      message, which Lambda keeps as one log event; empty when every line is its own
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
        long cpuNanos,
        String triggerDetail,
        TraceSpan trace,
        long maxMemoryUsedMb,
        List<Integer> continuedLines) {

    public InvocationResult {
        continuedLines = continuedLines == null ? List.of() : List.copyOf(continuedLines);
    }

    /** A result whose log lines are each their own record. */
    public InvocationResult(String function, String version, String requestId, Trigger trigger, Instant start,
            double durationMs, double initMs, long billedMs, int memoryMb, Outcome outcome, byte[] payload,
            String errorType, String log, long requestBytes, long allocatedBytes, long cpuNanos, String triggerDetail,
            TraceSpan trace, long maxMemoryUsedMb) {
        this(function, version, requestId, trigger, start, durationMs, initMs, billedMs, memoryMb, outcome, payload,
                errorType, log, requestBytes, allocatedBytes, cpuNanos, triggerDetail, trace, maxMemoryUsedMb, List.of());
    }

    /** A result whose memory use was not measured (class-loader isolation). */
    public InvocationResult(String function, String version, String requestId, Trigger trigger, Instant start,
            double durationMs, double initMs, long billedMs, int memoryMb, Outcome outcome, byte[] payload,
            String errorType, String log, long requestBytes, long allocatedBytes, long cpuNanos, String triggerDetail,
            TraceSpan trace) {
        this(function, version, requestId, trigger, start, durationMs, initMs, billedMs, memoryMb, outcome, payload,
                errorType, log, requestBytes, allocatedBytes, cpuNanos, triggerDetail, trace, -1);
    }

    /** A result that is not traced. */
    public InvocationResult(String function, String version, String requestId, Trigger trigger, Instant start,
            double durationMs, double initMs, long billedMs, int memoryMb, Outcome outcome, byte[] payload,
            String errorType, String log, long requestBytes, long allocatedBytes, long cpuNanos, String triggerDetail) {
        this(function, version, requestId, trigger, start, durationMs, initMs, billedMs, memoryMb, outcome, payload,
                errorType, log, requestBytes, allocatedBytes, cpuNanos, triggerDetail, null, -1);
    }

    /** A result whose trigger added no detail. */
    public InvocationResult(String function, String version, String requestId, Trigger trigger, Instant start,
            double durationMs, double initMs, long billedMs, int memoryMb, Outcome outcome, byte[] payload,
            String errorType, String log, long requestBytes, long allocatedBytes, long cpuNanos) {
        this(function, version, requestId, trigger, start, durationMs, initMs, billedMs, memoryMb, outcome, payload,
                errorType, log, requestBytes, allocatedBytes, cpuNanos, null, null);
    }

    /** A result whose CPU time is unknown and whose trigger added no detail. */
    public InvocationResult(String function, String version, String requestId, Trigger trigger, Instant start,
            double durationMs, double initMs, long billedMs, int memoryMb, Outcome outcome, byte[] payload,
            String errorType, String log, long requestBytes, long allocatedBytes) {
        this(function, version, requestId, trigger, start, durationMs, initMs, billedMs, memoryMb, outcome, payload,
                errorType, log, requestBytes, allocatedBytes, -1, null, null);
    }

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
