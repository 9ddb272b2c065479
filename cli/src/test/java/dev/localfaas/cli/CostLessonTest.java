package dev.localfaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lesson the report exists to teach, end to end: {@code cpu-burner} and {@code sleeper} (sample-functions/
 * cost-lesson) take the same 250 ms, one on the CPU and one waiting. Invoked through {@code faas invoke} and billed by
 * {@code faas report --format json}, the sleeper is far cheaper where CPU time is billed (Cloudflare) and about the
 * same where wall time is (Azure Consumption, which bills the handler's time without init), and the break-even
 * volumes move accordingly.
 */
class CostLessonTest {
    @TempDir
    static Path state;
    private static JsonNode both;

    @BeforeAll
    static void invokeBoth() throws Exception {
        for (int i = 0; i < 2; i++) {
            for (String fn : new String[] {"cpu-burner", "sleeper"}) {
                CliRun run = CliRun.of("invoke", fn, "--dir", CliRun.samples().toString(), "--state-dir",
                        state.toString());
                assertEquals(0, run.exitCode(), run.err());
            }
        }
        both = report();
    }

    private static JsonNode report(String... more) throws Exception {
        String[] args = new String[5 + more.length];
        System.arraycopy(new String[] {"report", "--state-dir", state.toString(), "--format", "json"}, 0, args, 0, 5);
        System.arraycopy(more, 0, args, 5, more.length);
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    private static JsonNode function(JsonNode report, String name) {
        for (JsonNode f : report.get("functions")) {
            if (f.get("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no " + name + " in " + report);
    }

    /** Compute before the free tier (a two-call month is free everywhere after it, which would teach nothing). */
    private static double compute(String function, String provider) {
        return function(both, function).get("cost").get(provider).get("compute").doubleValue();
    }

    @Test
    void theSleeperIsFarCheaperWhereCpuTimeIsBilledAndAboutTheSameWhereWallTimeIs() {
        double cpuBilled = compute("sleeper", "cloudflare-workers") / compute("cpu-burner", "cloudflare-workers");
        double wallBilled = compute("sleeper", "azure-consumption") / compute("cpu-burner", "azure-consumption");

        assertTrue(cpuBilled < 0.2, "Cloudflare bills the sleeper " + cpuBilled + " of the burner");
        // equal but for how late Thread.sleep wakes on a busy machine
        assertTrue(wallBilled > 0.8 && wallBilled < 1.5, "Azure bills the sleeper " + wallBilled + " of the burner");
        assertTrue(compute("sleeper", "vercel-functions") < compute("cpu-burner", "vercel-functions"),
                "Vercel's Active CPU makes the sleeper cheaper too");
    }

    @Test
    void theRecordsCarryTheCpuTimeThatMakesTheDifference() {
        BigDecimal burner = function(both, "cpu-burner").get("cost").get("cloudflare-workers").get("compute")
                .decimalValue();
        // at $0.02 per million CPU-ms, two calls of some milliseconds of CPU each cost more than $0.0000001
        assertTrue(burner.compareTo(new BigDecimal("0.0000001")) > 0, burner.toPlainString());
        assertTrue(both.get("concurrency").get("peak").asInt() >= 1);
        assertTrue(both.get("breakEven").get("containerSize").has("vcpu"));
    }

    @Test
    void breakEvenVolumesMoveAsExpected() throws Exception {
        JsonNode burner = report("--function", "cpu-burner").get("breakEven").get("providers");
        JsonNode sleeper = report("--function", "sleeper").get("breakEven").get("providers");

        // CPU-billed: the sleeper stays cheaper than its container to a higher volume (null: at every volume)
        double burnerCf = volume(burner.get("cloudflare-workers"));
        double sleeperCf = volume(sleeper.get("cloudflare-workers"));
        assertTrue(sleeperCf > burnerCf, "Cloudflare: sleeper " + sleeperCf + " vs burner " + burnerCf);
        assertNotEquals(Double.POSITIVE_INFINITY, burnerCf, "the burner's CPU time does reach the container's cost");
        // wall-billed: both pay the same per call, so waiting buys the sleeper far less room than where CPU is billed
        double burnerAzure = volume(burner.get("azure-consumption"));
        double sleeperAzure = volume(sleeper.get("azure-consumption"));
        assertTrue(sleeperCf / burnerCf > sleeperAzure / burnerAzure, "the sleeper's break-even moves further on "
                + "Cloudflare (" + sleeperCf + " / " + burnerCf + ") than on Azure (" + sleeperAzure + " / "
                + burnerAzure + ")");
    }

    private static double volume(JsonNode provider) {
        JsonNode n = provider.get("monthlyRequests");
        return n.isNull() ? Double.POSITIVE_INFINITY : n.doubleValue();
    }
}
