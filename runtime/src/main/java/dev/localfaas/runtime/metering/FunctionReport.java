package dev.localfaas.runtime.metering;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One row of a report: a function, or the total of all of them.
 *
 * @param invocations    invocations that ran (billed); throttled requests are only in {@code throttles}
 * @param errors         invocations that ended in a function error (timeouts are counted apart)
 * @param durationMs     handler time of the invocations that ran, without init
 * @param initMs         init time of the cold starts
 * @param warmMs         handler time of the warm invocations
 * @param coldMs         init plus handler time of the cold starts: what their callers waited
 * @param billedMs       sum of billed durations (AWS: init included, rounded up to 1 ms)
 * @param gbSeconds      AWS's billed GB-seconds: billedMs × configured memory
 * @param memoryMb       configured memory, when one size applies to the whole row
 * @param allocatedBytes bytes allocated per invocation: a stand-in for memory use, not Lambda's Max Memory Used
 * @param cost           per provider id, before any free tier
 * @param costAfterFreeTier per provider id, after the monthly free tier
 */
public record FunctionReport(String name, long invocations, long errors, long timeouts, long throttles,
        long coldStarts, Percentiles durationMs, Percentiles initMs, Percentiles warmMs, Percentiles coldMs,
        long billedMs, BigDecimal gbSeconds, OptionalInt memoryMb, Percentiles allocatedBytes,
        DurationHistogram durationHistogram, Map<String, Cost> cost, Map<String, Cost> costAfterFreeTier) {

    /** The label every format puts on allocated bytes, so nobody takes it for Lambda's memory figure. */
    public static final String ALLOCATED_LABEL = "allocated bytes (stand-in for memory)";

    public FunctionReport {
        cost = Collections.unmodifiableMap(new LinkedHashMap<>(cost));
        costAfterFreeTier = Collections.unmodifiableMap(new LinkedHashMap<>(costAfterFreeTier));
    }
}
