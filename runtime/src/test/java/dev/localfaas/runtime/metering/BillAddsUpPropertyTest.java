package dev.localfaas.runtime.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.execution.Outcome;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Many random usage sets (a seeded Random, so a failure is reproducible): on every provider, the bill's total is the
 * sum of its parts and of its functions' lines, and a projection is the same mix scaled.
 */
class BillAddsUpPropertyTest {
    private static final PriceBook BOOK = PriceBook.builtIn();
    private static final BigDecimal TOLERANCE = new BigDecimal("1E-15"); // shares carry 20 decimal places
    private static final String[] TRIGGERS = {"http", "queue", "schedule", "cli", "invoke", "topic", "bus"};
    private static final int[] MEMORY = {128, 256, 512, 1024, 1536, 3008};

    @Test
    void totalsEqualTheSumOfLinesForRandomUsage() {
        Random random = new Random(17);
        for (int set = 0; set < 60; set++) {
            ReportOptions options = new ReportOptions(List.of(), random.nextBoolean(), 0, null, null);
            LiveUsage live = new LiveUsage(BOOK, options);
            int functions = 1 + random.nextInt(4);
            int records = 1 + random.nextInt(60);
            for (int i = 0; i < records; i++) {
                live.record(randomRecord(random, "fn" + random.nextInt(functions), i));
            }
            UsageReport report = live.report();
            java.util.Map<String, ProviderBill> cheap = live.bills(); // the dashboard's: no per-invocation copies
            for (Provider p : report.providers()) {
                String where = "set " + set + ", " + p.id();
                ProviderBill bill = report.bills().get(p.id());
                assertEquals(bill.before(), cheap.get(p.id()).before(), where + ": the dashboard's bill is the report's");
                assertEquals(bill.totalBefore(), cheap.get(p.id()).totalBefore(), where);
                Cost total = bill.totalAfter();
                assertEquals(0, total.total().compareTo(total.requests().add(total.compute()).add(total.services())
                        .add(total.fee())), where);
                Cost sumBefore = bill.before().values().stream().reduce(Cost.ZERO, Cost::plus);
                Cost sumAfter = bill.after().values().stream().reduce(Cost.ZERO, Cost::plus);
                assertClose(bill.totalBefore().total(), sumBefore.total(), where + ": functions add up before");
                assertClose(total.total().subtract(total.fee()), sumAfter.total(), where + ": functions add up after");
                assertTrue(total.total().signum() >= 0 && bill.totalBefore().total().compareTo(
                        total.total().subtract(total.fee())) >= 0, where + ": the free tier never adds");
                for (FunctionReport f : report.functions()) {
                    assertEquals(bill.before().get(f.name()), f.cost().get(p.id()), where);
                }
            }
        }
    }

    @Test
    void aProjectionWithoutFreeTierIsTheSameMixScaled() {
        Random random = new Random(42);
        for (int set = 0; set < 20; set++) {
            LiveUsage once = new LiveUsage(BOOK, new ReportOptions(List.of("aws", "azure", "google", "cloudflare",
                    "vercel"), false, 0, null, null, new BigDecimal("3"), 0, null));
            int records = 1 + random.nextInt(30);
            for (int i = 0; i < records; i++) {
                once.record(randomRecord(random, "f", i));
            }
            UsageReport r = once.report();
            for (Provider p : r.providers()) {
                BigDecimal observed = r.bills().get(p.id()).totalBefore().total();
                BigDecimal projected = r.projection().orElseThrow().bills().get(p.id()).totalBefore().total();
                assertClose(observed.multiply(BigDecimal.valueOf(3)), projected, "set " + set + ", " + p.id());
            }
        }
    }

    private static void assertClose(BigDecimal expected, BigDecimal actual, String message) {
        assertTrue(expected.subtract(actual).abs().compareTo(TOLERANCE) <= 0,
                message + ": expected " + expected + " but was " + actual);
    }

    private static UsageRecord randomRecord(Random random, String function, int i) {
        double duration = random.nextInt(5) == 0 ? random.nextDouble() * 3 : random.nextDouble() * 2000;
        double init = random.nextInt(6) == 0 ? random.nextDouble() * 800 : 0;
        Outcome outcome = Outcome.values()[random.nextInt(10) < 7 ? 0 : random.nextInt(Outcome.values().length)];
        long billed = outcome == Outcome.THROTTLED ? 0 : (long) Math.ceil(duration + init);
        String trigger = TRIGGERS[random.nextInt(TRIGGERS.length)];
        return new UsageRecord(function, "$LATEST", "r" + i, trigger, Records.T0.plusMillis(random.nextInt(60_000))
                .toString(), duration, init, billed, MEMORY[random.nextInt(MEMORY.length)], outcome,
                random.nextInt(300_000), random.nextInt(1000), 0, random.nextBoolean() ? duration * random.nextDouble()
                : null, "http".equals(trigger) ? (random.nextBoolean() ? "1.0" : "2.0") : null);
    }
}
