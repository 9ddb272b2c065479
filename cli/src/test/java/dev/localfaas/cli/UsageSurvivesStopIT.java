package dev.localfaas.cli;

import static dev.localfaas.cli.RunningFaas.JSON;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's promise on the shipped {@code faas.jar}: usage records survive however the gateway stops. {@code faas run}
 * answers N requests and is stopped with Ctrl-C (SIGINT), SIGTERM or {@code kill -9}; then {@code faas report} in
 * another process counts exactly N invocations. Records are written off the response path, by a writer that
 * hands them to the operating system at least every 100 ms and on a clean stop: Ctrl-C and SIGTERM lose none, and
 * SIGKILL loses none of those written (here: once the ledger holds them, as it does within the writer's interval).
 */
class UsageSurvivesStopIT {

    private static final int REQUESTS = 12;

    enum Stop { CTRL_C, SIGTERM, SIGKILL }

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "stopped with {0}")
    @EnumSource(Stop.class)
    void faasReportCountsEveryRequestAfterTheGatewayStops(Stop stop) throws Exception {
        assumeFalse(stop == Stop.CTRL_C && sigintIgnored(),
                "this JVM was started with SIGINT ignored (a background job of a script), so its children ignore Ctrl-C too");
        Path functions = Files.createDirectories(tmp.resolve("functions"));
        Files.copy(CliRun.samples().resolve("hello.jar"), functions.resolve("hello.jar"));

        try (RunningFaas faas = RunningFaas.start(functions, tmp, "run")) {
            for (int i = 0; i < REQUESTS; i++) {
                HttpResponse<String> hello = faas.get("/hello");
                assertEquals(200, hello.statusCode(), hello.body());
            }
            switch (stop) {
                case CTRL_C -> assertEquals(0, faas.interrupt(), faas.err());
                case SIGTERM -> assertEquals(0, faas.stop(), faas.err());
                case SIGKILL -> {
                    Path ledger = functions.resolve(".faas/usage.jsonl");
                    await().atMost(5, TimeUnit.SECONDS).until(() -> Files.exists(ledger)
                            && Files.readAllLines(ledger).size() == REQUESTS);
                    faas.kill();
                }
            }
        }

        FaasJar.Result report = FaasJar.exec(tmp, "report", "--dir", functions.toString(), "--format", "json");
        assertEquals(0, report.exitCode(), report.err());
        JsonNode json = JSON.readTree(report.out());
        assertEquals(1, json.get("functions").size(), report.out());
        assertEquals("hello", json.get("functions").get(0).get("name").asText());
        assertEquals(REQUESTS, json.get("functions").get(0).get("invocations").asInt(), report.out());
        assertEquals(REQUESTS, json.get("total").get("invocations").asInt(), report.out());
        assertEquals("", report.err(), "no torn or unreadable record");
    }

    /**
     * Whether this process ignores SIGINT (Linux: bit 2 of {@code SigIgn} in /proc/self/status). A JVM started with
     * SIGINT ignored cannot be stopped by it, and neither can the children it starts; elsewhere, assume not.
     */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:")).findFirst()
                .map(l -> new BigInteger(l.substring("SigIgn:".length()).trim(), 16).testBit(1)).orElse(false);
    }
}
