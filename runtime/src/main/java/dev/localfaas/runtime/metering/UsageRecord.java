package dev.localfaas.runtime.metering;

import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.Trigger;
import java.time.Instant;

/**
 * One line of {@code .faas/usage.jsonl}. The field names are the public format (docs/metering.md).
 *
 * @param start          ISO-8601 UTC
 * @param allocatedBytes bytes the invoking thread allocated: a stand-in for memory use, labelled as such
 * @param cpuMs          CPU time of the handler's thread, or null when unknown (records written before it was
 *                       measured, timeouts, failed inits): CPU-billed providers then bill wall time in its place
 * @param payloadFormat  for HTTP-triggered calls, the API Gateway payload format the event was built in ("1.0" for a
 *                       REST API, "2.0" for an HTTP API); null otherwise
 * @param maxMemoryUsedMb the environment's real peak memory in MB (process isolation), or -1 when not measured
 */
public record UsageRecord(
        String function,
        String version,
        String requestId,
        String trigger,
        String start,
        double durationMs,
        double initMs,
        long billedMs,
        int memoryMb,
        Outcome outcome,
        long requestBytes,
        long responseBytes,
        long allocatedBytes,
        Double cpuMs,
        String payloadFormat,
        long maxMemoryUsedMb) {

    /** A record whose memory use was not measured (class-loader isolation). */
    public UsageRecord(String function, String version, String requestId, String trigger, String start,
                       double durationMs, double initMs, long billedMs, int memoryMb, Outcome outcome,
                       long requestBytes, long responseBytes, long allocatedBytes, Double cpuMs, String payloadFormat) {
        this(function, version, requestId, trigger, start, durationMs, initMs, billedMs, memoryMb, outcome,
                requestBytes, responseBytes, allocatedBytes, cpuMs, payloadFormat, -1);
    }

    /** A record without CPU time or payload format, as records written before they were measured are. */
    public UsageRecord(String function, String version, String requestId, String trigger, String start,
            double durationMs, double initMs, long billedMs, int memoryMb, Outcome outcome, long requestBytes,
            long responseBytes, long allocatedBytes) {
        this(function, version, requestId, trigger, start, durationMs, initMs, billedMs, memoryMb, outcome,
                requestBytes, responseBytes, allocatedBytes, null, null);
    }

    public static UsageRecord of(InvocationResult r) {
        return new UsageRecord(r.function(), r.version(), r.requestId(), r.trigger().id(), UtcInstants.format(r.start()),
                r.durationMs(), r.initMs(), r.billedMs(), r.memoryMb(), r.outcome(), r.requestBytes(),
                r.responseBytes(), r.allocatedBytes(), r.cpuNanos() < 0 ? null : r.cpuNanos() / 1e6,
                r.trigger() == Trigger.HTTP ? r.triggerDetail() : null, r.maxMemoryUsedMb());
    }

    public boolean coldStart() {
        return initMs > 0;
    }

    /** Whether the invocation ran (and is billed): every outcome but throttled. */
    public boolean ran() {
        return outcome != Outcome.THROTTLED;
    }

    public Instant startInstant() {
        return UtcInstants.parse(start);
    }

    /** The same invocation counted under {@code function:version}, for a report grouped by version. */
    public UsageRecord byVersion() {
        return new UsageRecord(function + ":" + version, version, requestId, trigger, start, durationMs, initMs,
                billedMs, memoryMb, outcome, requestBytes, responseBytes, allocatedBytes, cpuMs, payloadFormat,
                maxMemoryUsedMb);
    }

    /** The same invocation as if the function had been configured with {@code mb} (for {@code --what-if}). */
    public UsageRecord withMemoryMb(int mb) {
        return new UsageRecord(function, version, requestId, trigger, start, durationMs, initMs, billedMs, mb, outcome,
                requestBytes, responseBytes, allocatedBytes, cpuMs, payloadFormat, maxMemoryUsedMb);
    }
}
