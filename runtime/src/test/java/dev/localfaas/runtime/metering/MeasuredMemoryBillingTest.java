package dev.localfaas.runtime.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Azure Functions' Consumption plan bills the memory an execution used, rounded up to 128 MB (160 MB used is billed
 * as 256 MB, in Microsoft's own example); process isolation measures it ({@code maxMemoryUsedMb}). The report bills a
 * record that carries it on it, a record that does not on its configured memory, and says which it did.
 */
class MeasuredMemoryBillingTest {
    private static final PriceBook BOOK = PriceBook.builtIn();
    private static final ReportOptions AWS_AND_AZURE = new ReportOptions(List.of("aws-x86_64", "azure-consumption"),
            false, 0, null, null);

    @TempDir
    Path dir;

    /** A 100 ms call of a function configured with 1,024 MB that was measured to use {@code usedMb}. */
    static UsageRecord measured(String function, long usedMb) {
        UsageRecord r = Records.ok(function, 100, 1024);
        return new UsageRecord(r.function(), r.version(), r.requestId(), r.trigger(), r.start(), r.durationMs(),
                r.initMs(), r.billedMs(), r.memoryMb(), r.outcome(), r.requestBytes(), r.responseBytes(),
                r.allocatedBytes(), r.cpuMs(), r.payloadFormat(), usedMb);
    }

    @Test
    void azureBillsTheMeasuredPeakRoundedUpAndLambdaTheConfiguredMemory() {
        BillingRules azure = BOOK.provider("azure-consumption").orElseThrow().billing();
        BillingRules aws = BOOK.provider("aws-x86_64").orElseThrow().billing();
        assertEquals(256, azure.memoryOf(measured("f", 160)), "Microsoft's example: 160 MB used is billed as 256 MB");
        assertEquals(128, azure.memoryOf(measured("f", 87)), "at least 128 MB");
        assertEquals(1536, azure.memoryOf(measured("f", 3000)), "at most 1,536 MB");
        assertEquals(1024, azure.memoryOf(Records.ok("f", 100, 1024)), "not measured: the configured memory");
        assertEquals(1024, aws.memoryOf(measured("f", 87)), "Lambda bills the configured memory, whatever was used");
        assertTrue(azure.billsMeasuredMemory(measured("f", 87)));
        assertFalse(aws.billsMeasuredMemory(measured("f", 87)));
    }

    @Test
    void theReportBillsMeasuredRecordsOnTheirMemoryAndSaysHowMany() {
        LiveUsage live = new LiveUsage(BOOK, AWS_AND_AZURE);
        live.record(measured("f", 87));
        live.record(measured("f", 101));
        live.record(Records.ok("f", 100, 1024)); // class-loader isolation: no measured memory
        UsageReport report = live.report();

        // Azure: 2 × 100 ms × 0.125 GB + 1 × 100 ms × 1 GB = 0.125 GB-s; Lambda: 3 × 100 ms × 1 GB = 0.3 GB-s
        assertEquals(0, new BigDecimal("0.125").multiply(new BigDecimal("0.000016"))
                .compareTo(report.bills().get("azure-consumption").totalBefore().compute()),
                report.bills().get("azure-consumption").totalLines().toString());
        assertEquals(0, new BigDecimal("0.3").multiply(new BigDecimal("0.0000166667"))
                .compareTo(report.bills().get("aws-x86_64").totalBefore().compute()));
        assertEquals(2, report.bills().get("azure-consumption").measuredMemory());
        assertEquals(0, report.bills().get("aws-x86_64").measuredMemory());

        List<String> azureLines = report.bills().get("azure-consumption").lines().get("f");
        assertTrue(azureLines.contains("2 × 100 ms × 0.125 GB (measured memory) = 0.025 GB-s"), azureLines.toString());

        String text = ReportFormat.TABLE.render(report);
        assertTrue(text.contains("billed on measured memory: 2 records (the peak resident memory process isolation "
                + "measured, its maxMemoryUsedMb, rounded up to 128 MB, at most 1536 MB"), text);
        assertTrue(text.contains("the configured memory stands in for it in 1 record without maxMemoryUsedMb"), text);
        assertEquals(1, count(text, "billed on measured memory"), "said once, for Azure only");
    }

    @Test
    void withoutMeasuredRecordsTheConfiguredMemoryStandsInAndTheReportSaysHowToMeasure() {
        LiveUsage live = new LiveUsage(BOOK, AWS_AND_AZURE);
        live.record(Records.ok("f", 100, 1024));
        String text = ReportFormat.TABLE.render(live.report());
        assertFalse(text.contains("billed on measured memory"), text);
        assertTrue(text.contains("the configured memory stands in for it, rounded up to 128 MB, at most 1536 MB "
                + "(run with --isolation process to measure it)"), text);
    }

    @Test
    void measuredMemorySurvivesTheLedgerAndShowsInTheJsonReport() throws Exception {
        try (UsageLedger ledger = UsageLedger.open(dir, line -> { })) {
            ledger.append(measured("f", 160));
            ledger.append(Records.ok("f", 100, 1024));
        }
        UsageReport report = UsageReport.fromFile(dir.resolve("usage.jsonl"), BOOK, AWS_AND_AZURE, true);
        assertEquals(1, report.bills().get("azure-consumption").measuredMemory(), "by version too");
        JsonNode json = new ObjectMapper().readTree(ReportFormat.JSON.render(report));
        assertEquals(1, json.path("billedOnMeasuredMemory").path("azure-consumption").path("records").asLong());
        assertEquals(2, json.path("billedOnMeasuredMemory").path("azure-consumption").path("of").asLong());
        assertTrue(json.path("billedOnMeasuredMemory").path("aws-x86_64").isMissingNode());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
