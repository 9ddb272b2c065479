package dev.localfaas.runtime.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostCalculatorTest {
    private static final PriceBook BOOK = PriceBook.builtIn();
    private static final Provider X86 = BOOK.provider("aws-x86_64").orElseThrow();
    private static final Provider ARM = BOOK.provider("aws-arm64").orElseThrow();

    /**
     * AWS's own pricing example: 3 million requests a month, 120 ms each, 1,536 MB, x86_64.
     * <pre>
     *   compute: 3,000,000 × 0.120 s = 360,000 s; × 1.5 GB (1,536 / 1,024) = 540,000 GB-s
     *            before the free tier: 540,000 × $0.0000166667 = $9.000018
     *            after:  540,000 − 400,000 = 140,000 GB-s × $0.0000166667 = $2.333338
     *   requests: before: 3,000,000 × $0.20 / 1M = $0.60
     *             after:  3,000,000 − 1,000,000 = 2,000,000 × $0.20 / 1M = $0.40
     *   total after the free tier: $2.333338 + $0.40 = $2.733338 (AWS rounds it to $2.73)
     * </pre>
     */
    @Test
    void awsPricingExampleOf3MillionRequestsAt120MsOn1536MbCosts2_733338AfterTheFreeTier() {
        ProviderBill bill = CostCalculator.bill(X86, Map.of("fn", usage(1536, 3_000_000, 360_000_000)), true);

        assertEquals(0, new BigDecimal("0.60").compareTo(bill.totalBefore().requests()));
        assertEquals(0, new BigDecimal("9.000018").compareTo(bill.totalBefore().compute()));
        assertEquals(0, new BigDecimal("0.40").compareTo(bill.totalAfter().requests()));
        assertEquals(0, new BigDecimal("2.333338").compareTo(bill.totalAfter().compute()));
        assertEquals(0, new BigDecimal("2.733338").compareTo(bill.totalAfter().total()));
        assertEquals(List.of("3,000,000 requests − 1,000,000 free = 2,000,000 requests billable × $0.20 / 1M = $0.400000",
                "540,000 GB-s − 400,000 free = 140,000 GB-s billable × $0.0000166667 = $2.333338"), bill.freeTierLines());
        assertEquals(List.of("3,000,000 requests × $0.20 / 1M = $0.600000",
                "3,000,000 × 120 ms × 1.5 GB = 540,000 GB-s × $0.0000166667 = $9.000018"), bill.totalLines());
    }

    /** The same month on arm64: 540,000 × $0.0000133334 = $7.200036; after: 140,000 × $0.0000133334 = $1.866676. */
    @Test
    void awsPricingExampleOnArm64() {
        ProviderBill bill = CostCalculator.bill(ARM, Map.of("fn", usage(1536, 3_000_000, 360_000_000)), true);

        assertEquals(0, new BigDecimal("7.200036").compareTo(bill.totalBefore().compute()));
        assertEquals(0, new BigDecimal("1.866676").compareTo(bill.totalAfter().compute()));
        assertEquals(0, new BigDecimal("2.266676").compareTo(bill.totalAfter().total()));
    }

    /**
     * The issue's example: 1,250 requests of 13 ms on 128 MB.
     * requests 1,250 × 0.20 / 1,000,000 = 0.00025; 1,250 × 13 ms = 16,250 ms × 0.125 GB = 2,031.25 GB-ms
     * = 2.03125 GB-s × 0.0000166667 = 0.000033854234375, exactly.
     */
    @Test
    void issueExampleShowsItsArithmeticAndIsExact() {
        ProviderBill bill = CostCalculator.bill(X86, Map.of("hello", usage(128, 1250, 16_250)), false);

        assertEquals(List.of("1,250 requests × $0.20 / 1M = $0.000250",
                "1,250 × 13 ms × 0.125 GB = 2.031 GB-s × $0.0000166667 = $0.000034"), bill.lines().get("hello"));
        assertEquals(new BigDecimal("0.00025"), bill.before().get("hello").requests().stripTrailingZeros());
        assertEquals(new BigDecimal("0.000033854234375"), bill.before().get("hello").compute().stripTrailingZeros());
    }

    @Test
    void withoutTheFreeTierTheBillAfterIsTheBillBefore() {
        ProviderBill bill = CostCalculator.bill(X86, Map.of("fn", usage(1536, 3_000_000, 360_000_000)), false);

        assertEquals(bill.totalBefore(), bill.totalAfter());
        assertEquals(bill.before(), bill.after());
        assertTrue(bill.freeTierLines().isEmpty());
    }

    @Test
    void usageWithinTheFreeTierCostsNothingAfterIt() {
        ProviderBill bill = CostCalculator.bill(X86, Map.of("hello", usage(128, 1250, 16_250)), true);

        assertEquals(0, bill.totalAfter().total().signum());
        assertEquals(List.of("1,250 requests − 1,000,000 free = 0 requests billable → $0.000000",
                "2.031 GB-s − 400,000 free = 0 GB-s billable → $0.000000"), bill.freeTierLines());
    }

    /** 6e9 × 0.0000166667 + 9e9 × 0.000015 + 5e8 × 0.0000133334 = 100,000.2 + 135,000 + 6,666.7 = 241,666.9. */
    @Test
    void volumeTiersApplyAboveTheirThresholds() {
        Rate duration = X86.rate(Unit.GB_SECONDS).orElseThrow();

        assertEquals(0, new BigDecimal("241666.9").compareTo(duration.charge(new BigDecimal("15500000000"))));
        assertEquals(0, new BigDecimal("100000.2").compareTo(duration.charge(new BigDecimal("6000000000"))));
        assertEquals(3, duration.segments(new BigDecimal("15500000000")).size());
        assertEquals(1, duration.segments(new BigDecimal("6000000000")).size(), "the threshold itself is the first tier");
    }

    @Test
    void eachFunctionGetsItsProportionalShareOfTheAccountsFreeTier() {
        Map<String, MeteredUsage> usage = new LinkedHashMap<>();
        usage.put("a", usage(1536, 2_000_000, 240_000_000)); // 360,000 GB-s
        usage.put("b", usage(1536, 1_000_000, 120_000_000)); // 180,000 GB-s
        ProviderBill bill = CostCalculator.bill(X86, usage, true);

        // total after: 2.733338; a holds 2/3 of the requests and of the GB-s: 2.733338 × 2 / 3 = 1.8222253333...
        assertEquals(new BigDecimal("1.822225333333"), bill.after().get("a").total()
                .setScale(12, java.math.RoundingMode.HALF_UP));
        BigDecimal sum = bill.after().get("a").total().add(bill.after().get("b").total());
        assertEquals(0, bill.totalAfter().total().compareTo(sum.setScale(6, java.math.RoundingMode.HALF_UP)));
        assertEquals(0, new BigDecimal("6.000012").compareTo(bill.before().get("a").compute()),
                "before the free tier a function's charge is exact: 360,000 × 0.0000166667");
    }

    /**
     * Google rounds each invocation up to 100 ms and bills vCPU-s by the memory size's CPU: 3 invocations of 120 ms
     * billed as 200 ms, 128 MB → 0.083 vCPU: 0.6 s × 0.083 = 0.0498 vCPU-s × $0.000024 = $0.0000011952;
     * 0.6 s × 0.125 GiB = 0.075 GiB-s × $0.0000025 = $0.0000001875; 3 × $0.40 / 1M = $0.0000012.
     */
    @Test
    void googleBillsVcpuAndGibSecondsIn100MsSteps() {
        Provider google = BOOK.provider("gcp-cloud-run-functions").orElseThrow();
        ProviderBill bill = CostCalculator.bill(google, Map.of("fn", usage(128, 3, 600)), false);

        assertEquals(0, new BigDecimal("0.0000012").compareTo(bill.totalBefore().requests()));
        assertEquals(0, new BigDecimal("0.0000013827").compareTo(bill.totalBefore().compute()));
        assertEquals(List.of("3 requests × $0.40 / 1M = $0.0000012",
                "3 × 200 ms × 0.083 vCPU (the CPU of 128 MB) = 0.0498 vCPU-s × $0.000024 = $0.0000012",
                "3 × 200 ms × 0.125 GiB = 0.075 GiB-s × $0.0000025 = $0.00000019"), bill.lines().get("fn"));
    }

    @Test
    void cloudflareSaysItsCpuTimeIsAWallClockStandInAndAddsThePlanFeeAfterTheFreeTier() {
        Provider cf = BOOK.provider("cloudflare-workers").orElseThrow();
        ProviderBill bill = CostCalculator.bill(cf, Map.of("fn", usage(128, 1250, 15_000)), true);

        assertEquals("1,250 × 12 ms of CPU time (1,250 not measured: estimated from the CPU share of those that were, "
                + "or their wall-clock time when none was) = 15,000 CPU-ms × $0.02 / 1M = $0.000300",
                bill.lines().get("fn").get(1));
        assertEquals(0, new BigDecimal("5").compareTo(bill.totalAfter().fee()));
        assertEquals(0, new BigDecimal("5").compareTo(bill.totalAfter().total()));
        assertEquals(0, bill.after().get("fn").fee().signum(), "the plan fee is the account's, not a function's");
        assertEquals(0, bill.totalBefore().fee().signum());
    }

    @Test
    void severalMemorySizesAreShownOneLineEachThenSummed() {
        MeteredUsage mixed = new MeteredUsage(List.of(group(128, 1000, 13_000), group(256, 250, 3_250)));
        ProviderBill bill = CostCalculator.bill(X86, Map.of("fn", mixed), false);

        assertEquals(List.of("1,250 requests × $0.20 / 1M = $0.000250",
                "1,000 × 13 ms × 0.125 GB = 1.625 GB-s",
                "250 × 13 ms × 0.25 GB = 0.813 GB-s",
                "2.438 GB-s in all × $0.0000166667 = $0.000041"), bill.lines().get("fn"));
    }

    @Test
    void aMeanWithoutAShortExactFormIsShownAsTheTotal() {
        ProviderBill bill = CostCalculator.bill(X86, Map.of("fn", usage(128, 3, 40)), false);

        assertEquals("40 ms (3 × 13.333 ms on average) × 0.125 GB = 0.005 GB-s × $0.0000166667 = $0.000000083",
                bill.lines().get("fn").get(1));
    }

    static MeteredUsage usage(int memoryMb, long count, long billableMs) {
        return new MeteredUsage(List.of(group(memoryMb, count, billableMs)));
    }

    static MeteredUsage.Group group(int memoryMb, long count, long billableMs) {
        return new MeteredUsage.Group(memoryMb, BigDecimal.valueOf(count), BigDecimal.valueOf(billableMs));
    }
}
