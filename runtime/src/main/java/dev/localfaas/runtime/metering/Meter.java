package dev.localfaas.runtime.metering;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** Counts one function's billable {@link Measure}s for one provider, invocation by invocation. */
final class Meter {
    private static final int MEASURES = Measure.values().length;
    private static final long KB = 1024;

    private final BillingRules rules;
    private final Map<Integer, long[]> byMemory = new TreeMap<>();
    // per memory size: measured CPU µs and the handler µs they took, and the handler µs of the unmeasured ones
    private final Map<Integer, long[]> cpuSample = new TreeMap<>();

    Meter(BillingRules rules) {
        this.rules = rules;
    }

    void add(UsageRecord r) {
        if (!r.ran()) {
            return;
        }
        // grouped by the memory billed: the configured size, or for a provider that bills what was used, the
        // measured peak rounded its way (so that 87 MB and 101 MB are one 128 MB line of the arithmetic)
        boolean measured = rules.billsMeasuredMemory(r);
        long[] g = byMemory.computeIfAbsent(rules.memoryOf(r), k -> new long[MEASURES]);
        g[Measure.COUNT.ordinal()]++;
        if (measured) {
            g[Measure.MEASURED_MEMORY.ordinal()]++;
        }
        g[Measure.BILLABLE_MS.ordinal()] = Math.addExact(g[Measure.BILLABLE_MS.ordinal()], rules.billableMs(r));
        g[Measure.MEASURED_US.ordinal()] += Math.round(rules.measuredMs(r) * 1000);
        long[] c = cpuSample.computeIfAbsent(rules.memoryOf(r), k -> new long[3]);
        if (r.cpuMs() != null) {
            g[Measure.CPU_MS.ordinal()] += (long) Math.ceil(r.cpuMs());
            c[0] += Math.round(r.cpuMs() * 1000);
            c[1] += Math.round(r.durationMs() * 1000);
        } else {
            c[2] += Math.round(r.durationMs() * 1000);
            g[Measure.CPU_STAND_INS.ordinal()]++;
        }
        long bytes = Math.max(1, r.requestBytes());
        switch (r.trigger()) {
            case "http" -> {
                if ("1.0".equals(r.payloadFormat())) {
                    g[Measure.REST_API_REQUESTS.ordinal()]++;
                } else { // 2.0, and records written before the format was recorded (2.0 is the default)
                    g[Measure.HTTP_API_REQUESTS.ordinal()] += chunks(bytes, 512 * KB);
                }
            }
            case "queue" -> g[Measure.SQS_REQUESTS.ordinal()] += chunks(bytes, 64 * KB) + 1;
            case "topic" -> g[Measure.SNS_REQUESTS.ordinal()] += chunks(bytes, 64 * KB);
            case "bus" -> g[Measure.EVENTBRIDGE_EVENTS.ordinal()] += chunks(bytes, 64 * KB);
            case "schedule" -> g[Measure.SCHEDULER_INVOCATIONS.ordinal()]++;
            case "kafka" -> g[Measure.KAFKA_EVENT_BYTES.ordinal()] += bytes;
            default -> { }
        }
    }

    private static long chunks(long bytes, long chunk) {
        return (bytes + chunk - 1) / chunk;
    }

    /**
     * The CPU milliseconds of the invocations that were not measured: their handler time × the CPU share of those
     * that were, rounded up; their handler time itself when none was measured (an upper bound).
     */
    private long estimatedCpuMs(long[] c) {
        if (c[2] == 0) {
            return 0;
        }
        double share = c[1] > 0 ? Math.min(1, (double) c[0] / c[1]) : 1;
        return (long) Math.ceil(c[2] * share / 1000);
    }

    MeteredUsage snapshot() {
        return new MeteredUsage(byMemory.entrySet().stream().map(e -> {
            Map<Measure, BigDecimal> v = new EnumMap<>(Measure.class);
            for (Measure m : Measure.values()) {
                v.put(m, BigDecimal.valueOf(e.getValue()[m.ordinal()]));
            }
            v.merge(Measure.CPU_MS, BigDecimal.valueOf(estimatedCpuMs(cpuSample.get(e.getKey()))), BigDecimal::add);
            return new MeteredUsage.Group(e.getKey(), v);
        }).toList());
    }
}
