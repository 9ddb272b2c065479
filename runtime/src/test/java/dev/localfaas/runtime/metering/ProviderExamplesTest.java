package dev.localfaas.runtime.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each provider priced on the worked examples its own pricing pages give (or, where a page gives none, on arithmetic
 * done by hand from the rates it lists), the free-tier boundaries and the per-invocation minimums.
 */
class ProviderExamplesTest {
    private static final PriceBook BOOK = PriceBook.builtIn();

    private static Provider provider(String id) {
        return BOOK.provider(id).orElseThrow();
    }

    private static MeteredUsage usage(int memoryMb, Map<Measure, Long> values) {
        Map<Measure, BigDecimal> v = new EnumMap<>(Measure.class);
        values.forEach((m, q) -> v.put(m, BigDecimal.valueOf(q)));
        return new MeteredUsage(List.of(new MeteredUsage.Group(memoryMb, v)));
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    /**
     * developers.cloudflare.com/workers/platform/pricing, Example 1: "A Worker that serves 15 million requests per
     * month, and uses an average of 7 milliseconds (ms) of CPU time per request": subscription $5.00, requests
     * (15,000,000 − 10,000,000) / 1,000,000 × $0.30 = $1.50, CPU time (7 × 15,000,000 − 30,000,000) / 1,000,000 ×
     * $0.02 = $1.50, total $8.00.
     */
    @Test
    void cloudflareExample1Is8DollarsAndBillsCpuTimeNotWallTime() {
        ProviderBill bill = CostCalculator.bill(provider("cloudflare-workers"), Map.of("worker", usage(128, Map.of(
                Measure.COUNT, 15_000_000L, Measure.BILLABLE_MS, 15_000_000L * 500, Measure.CPU_MS, 105_000_000L))),
                true);

        assertAmount("1.50", bill.totalAfter().requests());
        assertAmount("1.50", bill.totalAfter().compute());
        assertAmount("5", bill.totalAfter().fee());
        assertAmount("8.00", bill.totalAfter().total());
    }

    /** The same plan exactly at its allowances (10M requests, 30M CPU-ms) costs the $5 fee, one more of each a bit more. */
    @Test
    void cloudflareFreeAllowanceBoundary() {
        Provider cf = provider("cloudflare-workers");
        ProviderBill at = CostCalculator.bill(cf, Map.of("w", usage(128, Map.of(Measure.COUNT, 10_000_000L,
                Measure.CPU_MS, 30_000_000L))), true);
        ProviderBill over = CostCalculator.bill(cf, Map.of("w", usage(128, Map.of(Measure.COUNT, 10_000_001L,
                Measure.CPU_MS, 30_000_001L))), true);

        assertAmount("5", at.totalAfter().total());
        assertAmount("5.00000032", over.totalAfter().total()); // + $0.30/1M + $0.02/1M
    }

    /**
     * AWS's example (aws.amazon.com/lambda/pricing) is in CostCalculatorTest; here its free-tier boundary: exactly
     * 1,000,000 requests and 400,000 GB-s cost nothing, one request more costs $0.0000002.
     */
    @Test
    void awsFreeTierBoundary() {
        Provider x86 = provider("aws-x86_64");
        // 400,000 GB-s at 1,024 MB = 400,000,000 ms
        ProviderBill at = CostCalculator.bill(x86, Map.of("f", usage(1024, Map.of(Measure.COUNT, 1_000_000L,
                Measure.BILLABLE_MS, 400_000_000L))), true);
        ProviderBill over = CostCalculator.bill(x86, Map.of("f", usage(1024, Map.of(Measure.COUNT, 1_000_001L,
                Measure.BILLABLE_MS, 400_000_000L))), true);

        assertAmount("0", at.totalAfter().total());
        assertAmount("0.0000002", over.totalAfter().total());
    }

    /**
     * Azure Consumption, the example of the pricing guide the price book cites (modal.com, 2025-05-22, on Azure's
     * rates): 3 million executions of 1 s at 1.5 GB = 4,500,000 GB-s; − 400,000 free = 4,100,000 × $0.000016 =
     * $65.60; executions (3M − 1M) × $0.20/M = $0.40; $66.00 in all.
     */
    @Test
    void azureConsumptionExampleIs66Dollars() {
        ProviderBill bill = CostCalculator.bill(provider("azure-consumption"), Map.of("f", usage(1536, Map.of(
                Measure.COUNT, 3_000_000L, Measure.BILLABLE_MS, 3_000_000_000L))), true);

        assertAmount("65.60", bill.totalAfter().compute());
        assertAmount("0.40", bill.totalAfter().requests());
        assertAmount("66.00", bill.totalAfter().total());
    }

    /** A 3 ms Azure execution is billed as 100 ms, a 3 ms Google request as 100 ms, a 3 ms Lambda call as 3 ms. */
    @Test
    void minimumsAndRoundingPerInvocation() {
        UsageRecord threeMs = Records.ok("f", 3, 128);

        assertEquals(100, provider("azure-consumption").billing().billableMs(threeMs));
        assertEquals(100, provider("gcp-cloud-run-functions").billing().billableMs(threeMs));
        assertEquals(1000, provider("azure-flex-consumption").billing().billableMs(threeMs));
        assertEquals(3, provider("aws-x86_64").billing().billableMs(threeMs));
        assertEquals(200, provider("gcp-cloud-run-functions").billing().billableMs(Records.ok("f", 101, 128)));
    }

    /** How it adds up says so: the measured time, the time billed, and the rule that made the difference. */
    @Test
    void theArithmeticShowsTheMinimumAtWork() {
        LiveUsage live = new LiveUsage(BOOK, ReportOptions.defaults().withProviders(List.of("azure", "google")));
        live.record(Records.ok("f", 3, 128));
        UsageReport report = live.report();

        assertTrue(report.bills().get("azure-consumption").lines().get("f").contains("1 × 3 ms measured (on average, "
                + "init not billed) → billed as 1 × 100 ms (at least 100 ms each, rounded up to 1 ms each)"),
                report.bills().get("azure-consumption").lines().toString());
        assertTrue(report.bills().get("gcp-cloud-run-functions").lines().get("f").contains("1 × 3 ms measured (on "
                + "average, init included) → billed as 1 × 100 ms (rounded up to 100 ms each)"),
                report.bills().get("gcp-cloud-run-functions").lines().toString());
    }

    /**
     * Azure Flex Consumption on demand, from the rates the price book cites ($0.000026/GB-s, $0.40/M; 100,000 GB-s
     * and 250,000 executions free; instance sizes 512/2,048/4,096 MB; at least 1,000 ms): 1,000,000 executions of
     * 200 ms on 2,048 MB are billed 1,000 ms each = 2,000,000 GB-s; − 100,000 = 1,900,000 × $0.000026 = $49.40;
     * (1,000,000 − 250,000) × $0.40/M = $0.30; $49.70.
     */
    @Test
    void azureFlexBillsTheInstanceSizeAndTheMinimum() {
        Provider flex = provider("azure-flex-consumption");
        ProviderBill bill = CostCalculator.bill(flex, Map.of("f", usage(2048, Map.of(Measure.COUNT, 1_000_000L,
                Measure.BILLABLE_MS, 1_000_000_000L))), true);

        assertAmount("49.40", bill.totalAfter().compute());
        assertAmount("49.70", bill.totalAfter().total());
        assertEquals(512, flex.billing().billableMemoryMb(128));
        assertEquals(2048, flex.billing().billableMemoryMb(1024));
        assertEquals(4096, flex.billing().billableMemoryMb(10_240));
    }

    /**
     * Vercel Fluid compute (vercel.com/docs/functions/usage-and-pricing: iad1 Active CPU $0.128/h, provisioned memory
     * $0.0106/GB-h, $0.60 per extra million invocations; Pro includes 16 CPU-h, 1,440 GB-h, 1M invocations; $20 a
     * month): 2,000,000 invocations of 500 ms on 1 GB using 100 ms of CPU each. CPU 200,000 s = 55.556 h − 16 =
     * 39.556 h × $0.128 = $5.063111; memory 1,000,000 GB-s = 277.778 GB-h, inside the 1,440 included; invocations
     * 1,000,000 × $0.60/M = $0.60; with the $20 plan $25.663111.
     */
    @Test
    void vercelBillsActiveCpuAndProvisionedMemoryApart() {
        ProviderBill bill = CostCalculator.bill(provider("vercel-functions"), Map.of("f", usage(1024, Map.of(
                Measure.COUNT, 2_000_000L, Measure.BILLABLE_MS, 1_000_000_000L, Measure.CPU_MS, 200_000_000L))), true);

        BigDecimal expected = new BigDecimal("25.6631111111111");
        assertTrue(bill.totalAfter().total().subtract(expected).abs().compareTo(new BigDecimal("1E-12")) < 0,
                bill.totalAfter().toString());
        assertAmount("0.60", bill.totalAfter().requests());
    }

    /**
     * Fargate (aws.amazon.com/fargate/pricing, us-east-1 Linux/x86 $0.04048 per vCPU-hour, $0.004445 per GB-hour): a
     * 1 vCPU / 4 GB task running all month, 730 h × (0.04048 + 4 × 0.004445) = $42.5298 ("~$42/month", wring.co).
     */
    @Test
    void fargateTaskAllMonth() {
        Provider fargate = provider("aws-fargate");
        ContainerLoad load = new ContainerLoad(1000, 100_000, 10_000, 1, Records.T0, 128, 128);
        ProviderBill bill = ContainerCalculator.bill(fargate, Map.of("f", usage(128, Map.of(Measure.COUNT, 1000L,
                Measure.BILLABLE_MS, 100_000L))), load, BigDecimal.ONE, new ContainerSize(BigDecimal.ONE,
                BigDecimal.valueOf(4)));

        assertAmount("42.5298", bill.totalAfter().total());
        assertAmount("42.5298", bill.after().get("f").total());
    }

    /** Sized from the peak: CPU-bound work needs a whole vCPU, waiting work the smallest task that holds its memory. */
    @Test
    void theContainerIsSizedFromThePeak() {
        Provider fargate = provider("aws-fargate");
        ContainerLoad busy = new ContainerLoad(10, 1000, 990, 1, Records.T0, 128, 128);
        ContainerLoad waiting = new ContainerLoad(10, 1000, 10, 1, Records.T0, 128, 128);
        ContainerLoad wide = new ContainerLoad(10, 1000, 10, 12, Records.T0, 12 * 1024, 1024);

        assertEquals(new ContainerSize(BigDecimal.ONE, BigDecimal.valueOf(2)), ContainerCalculator.size(fargate, busy));
        assertEquals(new ContainerSize(new BigDecimal("0.25"), new BigDecimal("0.5")),
                ContainerCalculator.size(fargate, waiting));
        assertEquals(0, new BigDecimal("12").compareTo(ContainerCalculator.size(fargate, wide).memoryGb()));
    }

    /**
     * API Gateway (docs.aws.amazon.com whitepaper, Table 4): 216 million HTTP API requests a month = $216
     * (awsforengineers.com's example); 400 million cross the 300 million tier: 300 × $1.00 + 100 × $0.90 = $390;
     * 5 million REST API calls × $3.50/M = $17.50. SQS: 6,300,000 requests × $0.40/M = $2.52 before the 1M free,
     * $2.12 after.
     */
    @Test
    void gatewayAndMessagingLines() {
        Provider x86 = provider("aws-x86_64");
        ProviderBill http = CostCalculator.bill(x86, Map.of("f", usage(128, Map.of(Measure.COUNT, 216_000_000L,
                Measure.HTTP_API_REQUESTS, 216_000_000L))), false);
        ProviderBill tiered = CostCalculator.bill(x86, Map.of("f", usage(128, Map.of(Measure.COUNT, 1L,
                Measure.HTTP_API_REQUESTS, 400_000_000L))), false);
        ProviderBill rest = CostCalculator.bill(x86, Map.of("f", usage(128, Map.of(Measure.COUNT, 1L,
                Measure.REST_API_REQUESTS, 5_000_000L))), false);
        ProviderBill sqs = CostCalculator.bill(x86, Map.of("f", usage(128, Map.of(Measure.COUNT, 1L,
                Measure.SQS_REQUESTS, 6_300_000L))), true);

        assertAmount("216", http.totalBefore().services());
        assertAmount("390", tiered.totalBefore().services());
        assertAmount("17.50", rest.totalBefore().services());
        assertAmount("2.52", sqs.totalBefore().services());
        assertAmount("2.12", sqs.totalAfter().services());
        assertTrue(http.totalLines().contains("API Gateway HTTP API: 216,000,000 http-api-requests (HTTP calls in "
                + "payload format 2.0, one per 512 KB) × $1.00 / 1M = $216.000000"), http.totalLines().toString());
    }

    /** The meter turns records into those requests: payload format, 512 KB and 64 KB chunks, receive plus delete. */
    @Test
    void theMeterCountsGatewayAndQueueRequestsFromTheRecords() {
        Meter meter = new Meter(provider("aws-x86_64").billing());
        meter.add(record("http", "1.0", 100));
        meter.add(record("http", "2.0", 600 * 1024)); // two 512 KB increments
        meter.add(record("queue", null, 130 * 1024)); // three 64 KB receives and one delete
        meter.add(record("schedule", null, 10));
        MeteredUsage u = meter.snapshot();

        assertEquals(BigDecimal.ONE, u.total(Measure.REST_API_REQUESTS));
        assertEquals(BigDecimal.valueOf(2), u.total(Measure.HTTP_API_REQUESTS));
        assertEquals(BigDecimal.valueOf(4), u.total(Measure.SQS_REQUESTS));
        assertEquals(BigDecimal.ONE, u.total(Measure.SCHEDULER_INVOCATIONS));
        assertEquals(BigDecimal.valueOf(4), u.total(Measure.CPU_MS), "1 ms of CPU each, rounded up");
    }

    /**
     * Kafka triggers: the events' bytes are what an MSK Serverless cluster bills as data out, $0.05 per GB (of 2^30
     * bytes). 40 batches of 128 MiB = 5 GiB = $0.25; queue, HTTP and schedule records add nothing to that line.
     */
    @Test
    void kafkaTriggeredCallsBillTheirEventsAsMskServerlessDataOut() {
        Meter meter = new Meter(provider("aws-x86_64").billing());
        for (int i = 0; i < 40; i++) {
            meter.add(record("kafka", null, 128L << 20));
        }
        meter.add(record("queue", null, 1 << 20));
        MeteredUsage u = meter.snapshot();
        assertEquals(BigDecimal.valueOf(5L << 30), u.total(Measure.KAFKA_EVENT_BYTES));

        ProviderBill bill = CostCalculator.bill(provider("aws-x86_64"), Map.of("f", u), false);
        assertTrue(bill.totalLines().stream().anyMatch(l -> l.startsWith("MSK Serverless data out: 5 msk-data-out-GB"
                + " (the Kafka events' bytes, as an MSK Serverless cluster bills the reads) × $0.05")),
                bill.totalLines().toString());
    }

    /**
     * Warm invocations are sampled for CPU time: the unmeasured ones are estimated from the measured ones' share of
     * their handler time. 2 measured calls of 100 ms used 25 ms of CPU each (a quarter); 6 unmeasured calls of 100 ms
     * are estimated at 150 ms; 200 ms in all.
     */
    @Test
    void unmeasuredCpuTimeIsEstimatedFromTheSampledShare() {
        Meter meter = new Meter(provider("cloudflare-workers").billing());
        UsageRecord base = Records.ok("f", 100, 128);
        for (int i = 0; i < 8; i++) {
            meter.add(new UsageRecord("f", "$LATEST", "r" + i, "http", base.start(), 100, 0, 100, 128, base.outcome(),
                    10, 10, 0, i < 2 ? 25.0 : null, "2.0"));
        }
        MeteredUsage u = meter.snapshot();

        assertEquals(BigDecimal.valueOf(200), u.total(Measure.CPU_MS));
        assertEquals(BigDecimal.valueOf(6), u.total(Measure.CPU_STAND_INS));
    }

    private static UsageRecord record(String trigger, String format, long bytes) {
        UsageRecord r = Records.ok("f", 10, 128);
        return new UsageRecord(r.function(), r.version(), r.requestId(), trigger, r.start(), r.durationMs(),
                r.initMs(), r.billedMs(), r.memoryMb(), r.outcome(), bytes, 0, 0, 0.4, format);
    }
}
