package dev.localfaas.runtime.metering;

import dev.localfaas.runtime.execution.Outcome;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** Usage records for tests, with billedMs computed as the engine computes it: ceil(duration + init). */
final class Records {
    static final Instant T0 = Instant.parse("2026-08-01T10:00:00Z");
    private static final AtomicLong SEQ = new AtomicLong();

    private Records() {
    }

    static UsageRecord ok(String function, double durationMs, int memoryMb) {
        return of(function, durationMs, 0, memoryMb, "ok");
    }

    static UsageRecord cold(String function, double durationMs, double initMs, int memoryMb) {
        return of(function, durationMs, initMs, memoryMb, "ok");
    }

    static UsageRecord of(String function, double durationMs, double initMs, int memoryMb, String outcome) {
        long n = SEQ.incrementAndGet();
        long billed = "throttled".equals(outcome) ? 0 : (long) Math.ceil(durationMs + initMs);
        return new UsageRecord(function, "$LATEST", "req-" + n, "cli", T0.plusMillis(n).toString(), durationMs, initMs,
                billed, memoryMb, Outcome.valueOf(outcome.toUpperCase(Locale.ROOT)), 100, 200, 4096 + n);
    }

    static UsageRecord at(UsageRecord r, Instant start) {
        return new UsageRecord(r.function(), r.version(), r.requestId(), r.trigger(), start.toString(), r.durationMs(),
                r.initMs(), r.billedMs(), r.memoryMb(), r.outcome(), r.requestBytes(), r.responseBytes(),
                r.allocatedBytes(), r.cpuMs(), r.payloadFormat());
    }
}
