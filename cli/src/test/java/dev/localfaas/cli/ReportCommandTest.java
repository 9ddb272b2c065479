package dev.localfaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.metering.UsageLedger;
import dev.localfaas.runtime.metering.UsageRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faas report}: reading the ledger of a folder, each format, each option, and every usage error's line. */
class ReportCommandTest {
    private static final Instant T0 = Instant.parse("2026-08-01T10:00:00Z");

    @TempDir
    Path functions;
    private Path ledger;

    /** The example: hello called 1,250 times for 13 ms on 128 MB, the first call cold. */
    @BeforeEach
    void usage() {
        try (UsageLedger l = UsageLedger.open(functions.resolve(".faas"), w -> { })) {
            l.append(record("hello", 0, 5, 8, "ok"));
            for (int i = 1; i < 1250; i++) {
                l.append(record("hello", i, 12.5, 0, "ok"));
            }
            l.append(record("orders", 3_600_000, 120, 0, "ok"));
        }
        ledger = functions.resolve(".faas/usage.jsonl");
    }

    private static UsageRecord record(String fn, long atMs, double durationMs, double initMs, String outcome) {
        return new UsageRecord(fn, "$LATEST", fn + "-" + atMs, "cli", T0.plusMillis(atMs).toString(), durationMs, initMs,
                (long) Math.ceil(durationMs + initMs), 128, Outcome.valueOf(outcome.toUpperCase(java.util.Locale.ROOT)), 2, 20, 1000);
    }

    @Test
    void byVersionGivesEachVersionItsOwnLine() {
        try (UsageLedger l = UsageLedger.open(functions.resolve(".faas"), w -> { })) {
            l.append(new UsageRecord("orders", "3", "v3", "http", T0.toString(), 10, 0, 10, 128, Outcome.OK, 2, 20, 0));
        }
        CliRun run = CliRun.of("report", "--dir", functions.toString(), "--by-version", "--format", "csv");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("orders:3") && run.out().contains("orders:$LATEST")
                && run.out().contains("hello:$LATEST"), run.out());
    }

    @Test
    void theDefaultTableShowsTheBillAndItsArithmetic() {
        CliRun run = CliRun.of("report", "--dir", functions.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("    1,250 requests × $0.20 / 1M = $0.000250\n"), run.out());
        assertTrue(run.out().contains("    1,250 × 13 ms × 0.125 GB = 2.031 GB-s × $0.0000166667 = $0.000034\n"),
                run.out());
        assertTrue(run.out().contains("AWS Lambda (arm64)"), run.out());
        assertTrue(run.out().contains("Cloudflare Workers") && run.out().contains("Always-on container"),
                "every provider by default");
        assertTrue(run.out().contains("SIDE BY SIDE") && run.out().contains("BREAK-EVEN"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void noUsageYetIsOneLineSayingHowToGetSome(@TempDir Path empty) {
        CliRun run = CliRun.of("report", "--dir", empty.toString());

        assertEquals(0, run.exitCode());
        assertEquals("No usage recorded yet in " + empty.resolve(".faas/usage.jsonl") + ": invoke a function first "
                + "(faas invoke NAME --dir " + empty + ", or faas run " + empty + " and call it), then run faas report "
                + "again.\n", run.out());
    }

    @Test
    void jsonForOneFunctionOnEveryProviderWithAProjection() throws Exception {
        CliRun run = CliRun.of("report", "--usage", ledger.toString(), "--function", "hello", "--provider", "all",
                "--format", "json", "--monthly-requests", "3000000");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(1, json.get("functions").size());
        assertEquals(1250, json.get("total").get("invocations").asLong());
        assertEquals(8, json.get("total").get("cost").size());
        assertEquals(3_000_000, json.get("projection").get("monthlyRequests").asLong());
    }

    @Test
    void sinceKeepsTheLaterRecords() throws Exception {
        CliRun run = CliRun.of("report", "--dir", functions.toString(), "--since", "2026-08-01T10:30:00Z",
                "--format", "json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("orders", json.get("functions").get(0).get("name").asText());
        assertEquals(1, json.get("functions").size());
    }

    @Test
    void noFreeTierMakesTheAfterColumnTheSame() throws Exception {
        JsonNode json = new ObjectMapper().readTree(CliRun.of("report", "--dir", functions.toString(), "--no-free-tier",
                "--format", "json").out());

        assertEquals(json.get("total").get("cost"), json.get("total").get("costAfterFreeTier"));
        assertTrue(!json.get("freeTier").asBoolean());
    }

    @Test
    void outWritesTheFileAndSaysSo() throws Exception {
        Path html = functions.resolve("report.html");
        CliRun run = CliRun.of("report", "--dir", functions.toString(), "--format", "html", "--out", html.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Wrote the html report to " + html + ".\n", run.out());
        assertTrue(Files.readString(html).contains("<svg id=\"cost-chart\""));
    }

    @Test
    void stateDirMovesTheLedger(@TempDir Path elsewhere) throws Exception {
        Files.createDirectories(elsewhere.resolve("state"));
        Files.copy(ledger, elsewhere.resolve("state/usage.jsonl"));
        CliRun run = CliRun.of("report", "--dir", elsewhere.toString(), "--state-dir",
                elsewhere.resolve("state").toString(), "--format", "csv");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("scope,function,provider,"), run.out());
    }

    @Test
    void aBadLineIsAWarningOnStderrAndTheRestIsReported() throws Exception {
        Files.writeString(ledger, "oops\n", StandardOpenOption.APPEND);
        CliRun run = CliRun.of("report", "--dir", functions.toString());

        assertEquals(0, run.exitCode());
        assertEquals("faas: warning: " + ledger + ": line 1252: not a JSON object; line skipped\n", run.err());
        assertTrue(run.out().contains("1,250 requests"));
    }

    @Test
    void aPriceBookOverrideChangesThePrice() throws Exception {
        Path prices = Files.writeString(functions.resolve("prices.json"), """
                {"format": 1, "currency": "USD", "providers": [
                  {"id": "aws-x86_64", "name": "AWS Lambda (x86_64)", "region": "us-east-1", "source": "test",
                   "read": "2026-11-24", "default": true,
                   "billing": {"durationRoundingMs": 1, "includesInit": true, "timeBasis": "wall-clock"},
                   "rates": [{"unit": "requests", "price": 0.40, "per": 1000000}, {"unit": "GB-s", "price": 0.00002}]}
                ]}""");
        CliRun run = CliRun.of("report", "--dir", functions.toString(), "--prices", prices.toString(),
                "--provider", "aws-x86_64", "--function", "hello");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("1,250 requests × $0.40 / 1M = $0.000500"), run.out());
        assertTrue(run.out().contains("2.031 GB-s × $0.00002 = $0.000041"), run.out());
    }

    @Test
    void usageErrorsAreOneLineAndExit2() throws IOException {
        Path badPrices = Files.writeString(functions.resolve("bad.json"), "{\"format\": 1, \"currency\": \"USD\", "
                + "\"providers\": [{\"id\": \"x\"}]}");
        assertUsage("faas: --format xml is not a format; use one of table, json, csv, markdown, html",
                "--format", "xml");
        assertUsage("faas: unknown provider 'amazon'; choose from aws-x86_64, aws-arm64, azure-consumption, "
                + "azure-flex-consumption, gcp-cloud-run-functions, cloudflare-workers, vercel-functions, aws-fargate, "
                + "a group (aws, azure, google, cloudflare, vercel, container) or all", "--provider", "amazon");
        assertUsage("faas: --scale lots is not a factor; write it as e.g. 100x or 0.5x", "--scale", "lots");
        assertUsage("faas: --monthly-requests and --scale both set the projected volume; give one of them",
                "--scale", "10x", "--monthly-requests", "5");
        assertUsage("faas: --what-if ram=512 is not memory=MB with 128 to 10240 MB; write it as e.g. memory=512",
                "--what-if", "ram=512");
        assertUsage("faas: --container-size 2 is not VCPU:GB; write it as e.g. 1:2 or 0.25:0.5",
                "--container-size", "2");
        assertUsage("faas: --since 'yesterday' is not a time; give an ISO-8601 UTC time (2026-08-01T10:00:00Z), "
                + "a date (2026-08-01) or an age (30m, 2h, 7d)", "--since", "yesterday");
        assertUsage("faas: --monthly-requests 0 must be at least 1", "--monthly-requests", "0");
        assertUsage("faas: no usage of function 'nope' in " + ledger + "; functions with usage: hello, orders",
                "--function", "nope");
        assertUsage("faas: " + badPrices + ": providers[x].rates: missing; list the provider's rates, at least one "
                + "with \"unit\": \"requests\"", "--prices", badPrices.toString());
        CliRun both = CliRun.of("report", "--dir", functions.toString(), "--usage", ledger.toString());
        assertEquals(ExitCodes.USAGE, both.exitCode());
        assertEquals("faas: --usage names the file itself; leave out --dir\n", both.err());
    }

    @Test
    void scaleWhatIfAndContainerSizeChangeTheReport() throws Exception {
        CliRun run = CliRun.of("report", "--dir", functions.toString(), "--format", "json", "--provider",
                "aws,container", "--scale", "100x", "--what-if", "memory=512", "--container-size", "1:2");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(100, json.get("projection").get("factor").asInt());
        assertEquals(512, json.get("whatIf").get("memoryMb").asInt());
        assertTrue(json.get("whatIf").get("note").asText().contains("durations and CPU time are kept as measured"));
        assertEquals(512, json.get("functions").get(0).get("memoryMb").asInt());
        assertEquals(1, json.get("breakEven").get("containerSize").get("vcpu").asInt());
        assertEquals(List.of("aws-x86_64", "aws-arm64", "aws-fargate"), List.copyOf(
                ImmutableNames.of(json.get("functions").get(0).get("cost"))));
    }

    /** Field names in order. */
    private static final class ImmutableNames {
        static List<String> of(JsonNode node) {
            List<String> names = new java.util.ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            return names;
        }
    }

    private void assertUsage(String expected, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "report";
        all[1] = "--dir";
        all[2] = functions.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        CliRun run = CliRun.of(all);
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertEquals(expected + "\n", run.err());
    }
}
