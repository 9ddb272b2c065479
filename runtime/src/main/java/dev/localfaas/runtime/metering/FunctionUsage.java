package dev.localfaas.runtime.metering;

import java.util.Map;
import java.util.OptionalInt;

/**
 * A snapshot of one function's usage, before prices.
 *
 * @param invocations     invocations that ran (throttled requests are counted in {@code throttles} only)
 * @param billedMs        sum of the records' billedMs (AWS's billed duration, init included)
 * @param billedMsTimesMb sum of billedMs × configured memory, from which AWS's GB-seconds follow exactly
 * @param memoryMb        the configured memory, when every invocation had the same
 * @param durationsMs     handler time of each invocation that ran
 * @param initsMs         init time of each invocation that ran, 0 when warm (parallel to durationsMs)
 * @param allocatedBytes  allocated bytes of each invocation that ran (parallel to durationsMs)
 * @param metered         per provider id, what that provider would bill, before prices
 */
record FunctionUsage(String name, long invocations, long errors, long timeouts, long throttles, long coldStarts,
        long billedMs, long billedMsTimesMb, OptionalInt memoryMb, double[] durationsMs, double[] initsMs,
        double[] allocatedBytes, Map<String, MeteredUsage> metered) {
}
