package dev.localfaas.runtime.metering;

import dev.localfaas.runtime.execution.InvocationResult;

/**
 * One line of {@code .faas/usage.jsonl}. The field names are the public format (docs/metering.md).
 *
 * @param start          ISO-8601 UTC
 * @param allocatedBytes bytes the invoking thread allocated: a stand-in for memory use, labelled as such
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
        String outcome,
        long requestBytes,
        long responseBytes,
        long allocatedBytes) {

    public static UsageRecord of(InvocationResult r) {
        return new UsageRecord(r.function(), r.version(), r.requestId(), r.trigger().id(), r.start().toString(),
                r.durationMs(), r.initMs(), r.billedMs(), r.memoryMb(), r.outcome().id(), r.requestBytes(),
                r.responseBytes(), r.allocatedBytes());
    }

    public boolean coldStart() {
        return initMs > 0;
    }
}
