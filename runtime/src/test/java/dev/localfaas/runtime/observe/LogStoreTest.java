package dev.localfaas.runtime.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-line {@code LambdaLogger} message is one log record, as Lambda keeps it one CloudWatch event: one entry in
 * the dashboard's tail and one JSON line for {@code faas logs}, its level read from its first line; printed lines stay
 * one entry each.
 */
class LogStoreTest {

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
}
