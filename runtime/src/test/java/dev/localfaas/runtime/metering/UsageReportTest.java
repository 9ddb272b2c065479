package dev.localfaas.runtime.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.execution.Outcome;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageReportTest {
    private static final PriceBook BOOK = PriceBook.builtIn();

    @TempDir
    Path dir;

    private static UsageReport report(ReportOptions options, UsageRecord... records) {
        LiveUsage live = new LiveUsage(BOOK, options);
        for (UsageRecord r : records) {
            live.record(r);
        }
        return live.report();
    }

    @Test
    void percentilesAreNearestRankOverTheInvocationsThatRan() {
        UsageRecord[] records = new UsageRecord[101];
        for (int i = 0; i < 100; i++) {
            records[i] = Records.ok("f", i + 1, 128);
        }
        records[100] = Records.of("f", 0, 0, 128, "throttled");
        FunctionReport f = report(ReportOptions.defaults(), records).functions().get(0);

        assertEquals(new Percentiles(100, 50, 95, 99, 100), f.durationMs());
        assertEquals(100, f.invocations());
        assertEquals(1, f.throttles());
    }

    @Test
    void aThrottledRequestIsNeitherARequestNorDurationOnTheBill() {
        FunctionReport f = report(ReportOptions.defaults(), Records.ok("f", 10, 128),
                Records.of("f", 0, 0, 128, "throttled"), Records.of("f", 0, 0, 128, "throttled")).total();

        assertEquals(0, new BigDecimal("0.0000002").compareTo(f.cost().get("aws-x86_64").requests()));
        assertEquals(10, f.billedMs());
        assertEquals(2, f.throttles());
    }

    /** A cold start: 10.2 ms + 300.5 ms init = ceil(310.7) = 311 ms billed; 311 × 128 / 1,024,000 = 0.038875 GB-s. */
    @Test
    void initIsBilledWithTheInvocationOnAws() {
        UsageReport r = report(ReportOptions.defaults(), Records.cold("f", 10.2, 300.5, 128));
        FunctionReport f = r.total();

        assertEquals(311, f.billedMs());
        assertEquals(new BigDecimal("0.038875"), f.gbSeconds());
        assertEquals(0, new BigDecimal("0.038875").multiply(new BigDecimal("0.0000166667"))
                .compareTo(f.cost().get("aws-x86_64").compute()));
        assertEquals(1, f.coldStarts());
        assertEquals(300.5, f.initMs().p50());
        assertEquals(310.7, f.coldMs().p50(), 1e-9);
        assertTrue(f.warmMs().isEmpty());
    }

    @Test
    void errorsTimeoutsAndColdStartsAreCountedApart() {
        FunctionReport f = report(ReportOptions.defaults(), Records.cold("f", 1, 100, 128), Records.ok("f", 1, 128),
                Records.of("f", 2, 0, 128, "error"), Records.of("f", 3000, 0, 128, "timeout")).total();

        assertEquals(List.of(4L, 1L, 1L, 0L, 1L),
                List.of(f.invocations(), f.errors(), f.timeouts(), f.throttles(), f.coldStarts()));
    }

    /** AWS's pricing example through the whole report: one observed 120 ms call on 1,536 MB, projected to 3M. */
    @Test
    void projectionScalesTheObservedMixToAMonthWithTheFreeTier() {
        UsageReport r = report(new ReportOptions(List.of(), true, 3_000_000, null, null),
                Records.ok("f", 120, 1536));
        Projection p = r.projection().orElseThrow();

        assertEquals(0, new BigDecimal("3000000").compareTo(p.factor()));
        assertEquals(0, new BigDecimal("540000").compareTo(p.total().gbSeconds()));
        assertEquals(0, new BigDecimal("9.600018").compareTo(p.total().cost().get("aws-x86_64").total()));
        assertEquals(0, new BigDecimal("2.733338").compareTo(p.total().costAfterFreeTier().get("aws-x86_64").total()));
        assertEquals(0, new BigDecimal("2.266676").compareTo(p.total().costAfterFreeTier().get("aws-arm64").total()));
    }

    @Test
    void projectionKeepsTheColdStartRate() {
        // 1 cold (100 ms + 900 ms init = 1,000 ms) and 9 warm 100 ms calls: 1,900 ms per 10 requests at 1 GB.
        UsageRecord[] records = new UsageRecord[10];
        records[0] = Records.cold("f", 100, 900, 1024);
        for (int i = 1; i < 10; i++) {
            records[i] = Records.ok("f", 100, 1024);
        }
        Projection p = report(new ReportOptions(List.of(), false, 1_000_000, null, null), records).projection()
                .orElseThrow();

        assertEquals(0, new BigDecimal("190000").compareTo(p.total().gbSeconds()), "1,900 ms × 100,000 × 1 GB");
    }

    @Test
    void noFreeTierMeansTheSameCostAfter() {
        FunctionReport f = report(new ReportOptions(List.of("all"), false, 0, null, null), Records.ok("f", 10, 128))
                .total();

        assertEquals(f.cost(), f.costAfterFreeTier());
    }

    @Test
    void sinceAndFunctionNarrowWhatIsReadFromTheLedger() throws Exception {
        Instant t = Instant.parse("2026-08-02T00:00:00Z");
        try (UsageLedger ledger = UsageLedger.open(dir, line -> { })) {
            ledger.append(Records.at(Records.ok("a", 1, 128), t.minusSeconds(1)));
            ledger.append(Records.at(Records.ok("a", 2, 128), t));
            ledger.append(Records.at(Records.ok("b", 3, 128), t.plusSeconds(1)));
        }
        Files.writeString(dir.resolve("usage.jsonl"), "garbage\n", java.nio.file.StandardOpenOption.APPEND);
        Path file = dir.resolve("usage.jsonl");

        UsageReport since = UsageReport.fromFile(file, BOOK, new ReportOptions(List.of(), true, 0, t, null));
        UsageReport onlyA = UsageReport.fromFile(file, BOOK, new ReportOptions(List.of(), true, 0, null, "a"));

        assertEquals(2, since.records());
        assertEquals(List.of("a", "b"), since.functions().stream().map(FunctionReport::name).toList());
        assertEquals(List.of("a"), onlyA.functions().stream().map(FunctionReport::name).toList());
        assertEquals(2, onlyA.total().invocations());
        assertEquals(List.of(file + ": line 4: not a JSON object; line skipped"), since.warnings());
    }

    @Test
    void aFunctionRunWithTwoMemorySizesHasNoSingleMemory() {
        UsageReport r = report(ReportOptions.defaults(), Records.ok("f", 10, 128), Records.ok("f", 10, 512),
                Records.ok("g", 10, 256));

        assertTrue(r.functions().get(0).memoryMb().isEmpty());
        assertEquals(256, r.functions().get(1).memoryMb().getAsInt());
        assertTrue(r.total().memoryMb().isEmpty());
        // 10 × 128 + 10 × 512 + 10 × 256 = 8,960 ms·MB = 0.00875 GB-s
        assertEquals(new BigDecimal("0.00875"), r.total().gbSeconds());
    }

    @Test
    void allocatedBytesArePercentilesOfThePerInvocationFigure() {
        UsageRecord a = new UsageRecord("f", "$LATEST", "1", "cli", Records.T0.toString(), 1, 0, 1, 128, Outcome.OK, 0, 0, 100);
        UsageRecord b = new UsageRecord("f", "$LATEST", "2", "cli", Records.T0.toString(), 1, 0, 1, 128, Outcome.OK, 0, 0, 900);
        FunctionReport f = report(ReportOptions.defaults(), a, b).total();

        assertEquals(100, f.allocatedBytes().p50());
        assertEquals(900, f.allocatedBytes().max());
    }

    @Test
    void theSummaryIsAFewLinesWithTheCommandForTheFullReport() {
        UsageReport r = report(ReportOptions.defaults().withProviders(List.of("aws")), Records.cold("hello", 12, 300, 128),
                Records.ok("hello", 13, 128));

        assertEquals("""
                usage: 2 invocations of 1 function (0 errors, 0 timeouts, 0 throttled, 1 cold start); 325 billed ms, \
                0.0406 GB-s
                  AWS Lambda (x86_64)   $0.0000011  ($0.000000 after the monthly free tier)
                  AWS Lambda (arm64)   $0.00000094  ($0.000000 after the monthly free tier)
                full report, with the arithmetic: faas report --dir fns
                """, CostSummary.render(r, "faas report --dir fns"));
        assertEquals("usage: no invocations, nothing to bill\n", CostSummary.render(report(ReportOptions.defaults()),
                "faas report"));
    }
}
