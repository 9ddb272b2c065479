package dev.localfaas.runtime.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BillingRulesTest {
    private static final PriceBook BOOK = PriceBook.builtIn();

    private static BillingRules rules(String provider) {
        return BOOK.provider(provider).orElseThrow().billing();
    }

    /** AWS: ceil(duration + init) to 1 ms, which the record's billedMs already is. */
    @ParameterizedTest(name = "aws {0} ms + init {1} ms bills {2} ms")
    @CsvSource({
        "0.1, 0, 1",
        "1.0, 0, 1",
        "1.000001, 0, 2",
        "12.999, 0, 13",
        "13.0, 0, 13",
        "10.2, 300.5, 311",
        "10.5, 300.5, 311",
        "10.6, 300.5, 312",
    })
    void awsRoundsDurationPlusInitUpToTheMillisecond(double duration, double init, long billed) {
        UsageRecord r = Records.cold("f", duration, init, 128);
        assertEquals(billed, r.billedMs());
        assertEquals(billed, rules("aws-x86_64").billableMs(r));
        assertEquals(billed, rules("aws-arm64").billableMs(r));
    }

    /** Google: init included, up to the next 100 ms. */
    @ParameterizedTest(name = "google {0} ms + init {1} ms bills {2} ms")
    @CsvSource({
        "0.1, 0, 100",
        "99.999, 0, 100",
        "100.0, 0, 100",
        "100.001, 0, 200",
        "199.5, 0, 200",
        "200.0, 0, 200",
        "10.2, 300.5, 400",
        "50, 50, 100",
        "50, 50.5, 200",
    })
    void googleRoundsUpTo100Ms(double duration, double init, long billed) {
        assertEquals(billed, rules("gcp-cloud-run-functions").billableMs(Records.cold("f", duration, init, 128)));
    }

    /** Azure: handler time only, to 1 ms, at least 100 ms. */
    @ParameterizedTest(name = "azure {0} ms + init {1} ms bills {2} ms")
    @CsvSource({
        "0.1, 0, 100",
        "99.0, 0, 100",
        "100.0, 0, 100",
        "100.01, 0, 101",
        "250.5, 900, 251",
    })
    void azureBillsHandlerTimeWithA100MsMinimum(double duration, double init, long billed) {
        assertEquals(billed, rules("azure-consumption").billableMs(Records.cold("f", duration, init, 128)));
    }

    /** Cloudflare: CPU time stood in for by handler time, no init, to 1 ms. */
    @ParameterizedTest(name = "cloudflare {0} ms + init {1} ms bills {2} ms")
    @CsvSource({
        "0.1, 0, 1",
        "12.0, 0, 12",
        "12.01, 0, 13",
        "12.01, 800, 13",
    })
    void cloudflareBillsHandlerTimeWithoutInit(double duration, double init, long billed) {
        assertEquals(billed, rules("cloudflare-workers").billableMs(Records.cold("f", duration, init, 128)));
    }

    @ParameterizedTest(name = "{0} is never billed time on any provider")
    @CsvSource({"aws-x86_64", "aws-arm64", "azure-consumption", "gcp-cloud-run-functions", "cloudflare-workers"})
    void aThrottledRequestIsNeverBilled(String provider) {
        assertEquals(0, rules(provider).billableMs(Records.of("f", 0, 0, 128, "throttled")));
    }

    /** Azure rounds memory up to 128 MB steps, at most 1,536 MB; AWS bills what is configured. */
    @ParameterizedTest(name = "{0} MB is billed as {1} MB on Azure, {2} MB on AWS")
    @CsvSource({
        "128, 128, 128",
        "129, 256, 129",
        "200, 256, 200",
        "256, 256, 256",
        "1536, 1536, 1536",
        "1537, 1536, 1537",
        "3008, 1536, 3008",
    })
    void memoryRounding(int configured, int azure, int aws) {
        assertEquals(azure, rules("azure-consumption").billableMemoryMb(configured));
        assertEquals(aws, rules("aws-x86_64").billableMemoryMb(configured));
    }
}
