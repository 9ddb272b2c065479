package dev.localfaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faas invoke} records usage through the real engine and sample JARs; {@code faas report} bills it. */
class ReportAfterInvokeTest {
    @TempDir
    Path state;

    @Test
    void twoInvocationsAreOneColdAndOneWarmOnTheBill() throws Exception {
        for (int i = 0; i < 2; i++) {
            CliRun run = CliRun.of("invoke", "hello", "--dir", CliRun.samples().toString(), "--state-dir",
                    state.toString());
            assertEquals(0, run.exitCode(), run.err());
        }
        CliRun report = CliRun.of("report", "--state-dir", state.toString(), "--format", "json");

        assertEquals(0, report.exitCode(), report.err());
        JsonNode hello = new ObjectMapper().readTree(report.out()).get("functions").get(0);
        assertEquals("hello", hello.get("name").asText());
        assertEquals(2, hello.get("invocations").asLong());
        // each `faas invoke` is its own process-like run of the engine, so both calls start cold
        assertEquals(2, hello.get("coldStarts").asLong());
        assertEquals(128, hello.get("memoryMb").asInt());
    }
}
