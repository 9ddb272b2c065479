package dev.localfaas.runtime.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log store's file and tail: one JSON object a line in Lambda's fields, appended across runs; a multi-line
 * {@code LambdaLogger} message is one log record, as Lambda keeps it one CloudWatch event (one entry in the tail and one
 * JSON line, its level read from its first line); printed lines stay one entry each.
 */
class LogStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static InvocationResult result(String id, Instant at, String log, Outcome outcome) {
        return new InvocationResult("greeter", "$LATEST", id, Trigger.HTTP, at, 12.5, 0, 13, 128, outcome, new byte[0],
                null, log, 0, 0, -1);
    }

    @Test
    void writesOneJsonObjectPerLineInLambdasFieldsAndKeepsTheTailInMemory() throws Exception {
        Instant at = Instant.parse("2026-12-01T00:31:02.007Z");
        String log = "START RequestId: r1 Version: $LATEST\n[WARN] low on \"quotes\" – ünïcödé\nplain line\n\n"
                + "END RequestId: r1\nREPORT RequestId: r1\tDuration: 12.50 ms\n";
        try (LogStore store = new LogStore(dir, notice -> { })) {
            store.onInvocations(List.of(result("r1", at, log, Outcome.OK), result("r2", at, "", Outcome.OK)));
            assertEquals(5, store.lastSeq());
            assertEquals("plain line", store.tail(0, e -> true, 10).get(2).message());
        }
        List<String> lines = Files.readAllLines(dir.resolve(LogStore.FILE));
        assertEquals(5, lines.size());
        JsonNode start = JSON.readTree(lines.get(0));
        assertEquals("2026-12-01T00:31:02.007Z", start.get("time").asText());
        assertEquals("platform.start", start.get("type").asText());
        assertEquals("START RequestId: r1 Version: $LATEST", start.get("record").asText());
        JsonNode warn = JSON.readTree(lines.get(1));
        assertEquals(List.of("timestamp", "level", "requestId", "message", "function"), names(warn));
        assertEquals("WARN", warn.get("level").asText());
        assertEquals("low on \"quotes\" – ünïcödé", warn.get("message").asText());
        assertEquals("greeter", warn.get("function").asText());
        JsonNode report = JSON.readTree(lines.get(4));
        assertEquals("2026-12-01T00:31:02.020Z", report.get("time").asText(), "END and REPORT are stamped at the end");
    }

    @Test
    void appendsToWhatAnEarlierRunWrote() throws Exception {
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        for (int run = 0; run < 2; run++) {
            try (LogStore store = new LogStore(dir, notice -> { })) {
                store.onInvocation(result("r" + run, at, "line " + run + "\n", Outcome.OK));
            }
        }
        List<String> lines = Files.readAllLines(dir.resolve(LogStore.FILE));
        assertEquals(List.of("line 0", "line 1"), lines.stream().map(l -> read(l).get("message").asText()).toList());
    }

    @Test
    void timestampsMatchTheGeneralFormatterToTheMillisecond() {
        DateTimeFormatter general = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        Random random = new Random(42);
        long base = Instant.parse("1999-12-31T23:59:58Z").toEpochMilli();
        for (int i = 0; i < 20_000; i++) {
            long ms = i < 5_000 ? base + i : Math.floorMod(random.nextLong(), 253_402_300_799_000L);
            assertEquals(general.format(Instant.ofEpochMilli(ms)), LogLines.timestamp(ms), "at " + ms);
        }
    }

    @Test
    void aStoreWithNoFolderKeepsLinesInMemoryOnly() {
        try (LogStore store = new LogStore(null, notice -> { })) {
            store.onInvocation(result("r1", Instant.now(), "hello\n", Outcome.OK));
            assertEquals(1, store.tail(0, e -> true, 10).size());
        }
        assertFalse(Files.exists(dir.resolve(LogStore.FILE)));
    }

    @Test
    void aMultiLineRecordIsOneEntryAndPrintedLinesAreOneEach(@TempDir Path dir) throws Exception {
        String log = String.join("\n", "START RequestId: r1 Version: $LATEST", "printed one", "printed two",
                "[ERROR] failed:", "  at example.Handler.handle", "", "  caused by x", "after", "END RequestId: r1",
                "REPORT RequestId: r1\tDuration: 1.00 ms") + "\n";
        InvocationResult r = new InvocationResult("fn", "$LATEST", "r1", Trigger.CLI, Instant.parse("2026-12-01T00:00:00Z"),
                1, 0, 1, 128, Outcome.OK, new byte[0], null, log, 2, 0, -1, null, null, -1, List.of(4, 5, 6));
        try (LogStore store = new LogStore(dir, notice -> { })) {
            store.onInvocation(r);
            List<LogEntry> entries = store.tail(0, e -> e.type().equals("function"), 100);
            assertEquals(List.of("printed one", "printed two", "failed:\n  at example.Handler.handle\n\n  caused by x",
                    "after"), entries.stream().map(LogEntry::message).toList());
            assertEquals("ERROR", entries.get(2).level());
        }
        List<String> lines = Files.readAllLines(dir.resolve(LogStore.FILE));
        assertEquals(7, lines.size(), "START, 4 function records, END, REPORT: " + lines);
        JsonNode record = new ObjectMapper().readTree(lines.get(3));
        assertEquals("failed:\n  at example.Handler.handle\n\n  caused by x", record.path("message").asText());
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
