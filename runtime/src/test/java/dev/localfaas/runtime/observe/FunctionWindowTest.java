package dev.localfaas.runtime.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.Trigger;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FunctionWindowTest {

    private static InvocationResult result(Instant at, double ms, double initMs, Outcome outcome) {
        return new InvocationResult("fn", "$LATEST", "req", Trigger.HTTP, at, ms, initMs, (long) Math.ceil(ms), 128,
                outcome, new byte[0], null, "", 0, 0);
    }

    @Test
    void percentilesRatesAndCountsPerWindowWithinTenPercent() {
        FunctionWindow w = new FunctionWindow();
        Instant now = Instant.ofEpochSecond(1_000_000);
        for (int i = 1; i <= 100; i++) {
            w.add(result(now, i, i == 1 ? 50 : 0, i % 10 == 0 ? Outcome.ERROR : Outcome.OK));
        }
        w.add(result(now, 0, 0, Outcome.THROTTLED));
        w.add(result(now.minusSeconds(120), 5000, 0, Outcome.OK)); // outside the last minute, inside 15 minutes
        FunctionWindow.Window minute = w.window(now.getEpochSecond(), 60);
        assertEquals(100, minute.invocations());
        assertEquals(10.0, minute.errorPercent(), 1e-9);
        assertEquals(1, minute.throttles());
        assertEquals(50, minute.p50(), 5);
        assertEquals(95, minute.p95(), 9.5);
        assertEquals(99, minute.p99(), 9.9);
        FunctionWindow.Window quarter = w.window(now.getEpochSecond(), FunctionWindow.SECONDS);
        assertEquals(101, quarter.invocations());
        assertEquals(100, quarter.p99(), 10, "rank 100 of 101: the slow call is the 101st");
        assertEquals(101, w.sinceStart().invocations());
        assertEquals(1, w.coldStarts());
        assertEquals(50, w.meanInitMs(), 1e-9);
        var series = w.series(now.getEpochSecond(), 90, 10);
        assertEquals(90, series.size());
        assertEquals(10.0, series.get(89).perSecond(), 1e-9, "100 calls in the last 10-second point");
        assertTrue(series.get(77).perSecond() > 0, "the call of two minutes ago");
    }
}
