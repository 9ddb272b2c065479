package dev.localfaas.runtime.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.Trigger;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageLedgerTest {
    @TempDir
    Path dir;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @Test
    void writesOneJsonLinePerInvocationWithThePublicFieldNamesInOrder() throws Exception {
        InvocationResult result = new InvocationResult("hello", "$LATEST", "r-1", Trigger.HTTP,
                Instant.parse("2026-08-01T10:00:00.123Z"), 12.5, 300.25, 313, 128, Outcome.OK,
                "{\"ok\":true}".getBytes(StandardCharsets.UTF_8), null, "log", 42, 1024, -1);
        try (UsageLedger ledger = UsageLedger.open(dir.resolve(".faas"), warnings::add)) {
            ledger.onInvocation(result);
        }

        assertEquals(List.of("{\"function\":\"hello\",\"version\":\"$LATEST\",\"requestId\":\"r-1\",\"trigger\":\"http\","
                + "\"start\":\"2026-08-01T10:00:00.123Z\",\"durationMs\":12.5,\"initMs\":300.25,\"billedMs\":313,"
                + "\"memoryMb\":128,\"outcome\":\"ok\",\"requestBytes\":42,\"responseBytes\":11,\"allocatedBytes\":1024}"),
                Files.readAllLines(dir.resolve(".faas/usage.jsonl")));
    }

    @Test
    void whatIsWrittenReadsBackEqual() {
        List<UsageRecord> written = List.of(Records.ok("a", 12.345678, 128), Records.cold("b", 0.000123, 812.5, 1536),
                Records.of("a", 0, 0, 128, "throttled"), Records.of("c", 3000.0, 0, 256, "timeout"));
        try (UsageLedger ledger = UsageLedger.open(dir, warnings::add)) {
            written.forEach(ledger::append);
        }

        assertEquals(written, UsageReader.readAll(dir.resolve("usage.jsonl")));
        assertTrue(warnings.isEmpty());
    }

    @Test
    void manyThreadsAppendingLeaveEveryLineWhole() throws Exception {
        int threads = 16;
        int each = 1000;
        try (UsageLedger ledger = UsageLedger.open(dir, warnings::add)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String fn = "fn-" + t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        ledger.append(Records.ok(fn, i, 128));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
        }

        List<UsageRecord> read = new ArrayList<>();
        UsageReader.Result result = UsageReader.read(dir.resolve("usage.jsonl"), read::add);
        assertEquals(List.of(), result.warnings());
        assertEquals(threads * each, read.size());
        Set<String> ids = new HashSet<>();
        read.forEach(r -> ids.add(r.requestId()));
        assertEquals(threads * each, ids.size(), "every record once");
        assertEquals(threads * each, Files.readAllLines(dir.resolve("usage.jsonl")).size());
    }

    @Test
    void anInterruptedInvokingThreadStillRecords() {
        // The engine interrupts a handler's thread on timeout; an interrupt would close a FileChannel under us.
        try (UsageLedger ledger = UsageLedger.open(dir, warnings::add)) {
            Thread.currentThread().interrupt();
            try {
                ledger.append(Records.of("slow", 3000, 0, 128, "timeout"));
                ledger.append(Records.ok("next", 1, 128));
            } finally {
                Thread.interrupted();
            }
        }
        assertEquals(2, UsageReader.readAll(dir.resolve("usage.jsonl")).size());
        assertTrue(warnings.isEmpty());
    }

    @Test
    void aTornLastLineIsSkippedWithAWarning() throws Exception {
        Path file = dir.resolve("usage.jsonl");
        try (UsageLedger ledger = UsageLedger.open(dir, warnings::add)) {
            ledger.append(Records.ok("a", 1, 128));
            ledger.append(Records.ok("a", 2, 128));
        }
        Files.writeString(file, "{\"function\":\"a\",\"vers", StandardOpenOption.APPEND);

        List<UsageRecord> read = new ArrayList<>();
        UsageReader.Result result = UsageReader.read(file, read::add);
        assertEquals(2, read.size());
        assertEquals(List.of(file + ": line 3: incomplete last line (still being written, or the writer stopped "
                + "mid-line); skipped"), result.warnings());
    }

    @Test
    void badAndBlankLinesAreReportedByNumberOrIgnored() throws Exception {
        Path file = dir.resolve("usage.jsonl");
        String good = UsageRecordJson.line(Records.ok("a", 1, 128));
        Files.writeString(file, good + "\n" + "not json\n" + good
                + "{\"function\":\"a\",\"start\":\"yesterday\",\"outcome\":\"ok\",\"durationMs\":1,\"billedMs\":1,"
                + "\"memoryMb\":128}\n" + "{\"function\":\"a\",\"start\":\"2026-08-01T10:00:00Z\",\"outcome\":\"ok\","
                + "\"durationMs\":1,\"memoryMb\":128}\n   \n");

        List<UsageRecord> read = new ArrayList<>();
        UsageReader.Result result = UsageReader.read(file, read::add);
        assertEquals(2, read.size());
        assertEquals(List.of(
                file + ": line 3: not a JSON object; line skipped",
                file + ": line 5: start 'yesterday' is not an ISO-8601 UTC time; line skipped",
                file + ": line 6: billedMs is missing or not a whole number of 0 or more; line skipped"),
                result.warnings());
    }

    @Test
    void aFileDamagedOnEveryLineGivesTwentyWarningsAndACount() throws Exception {
        Path file = dir.resolve("usage.jsonl");
        Files.writeString(file, "bad\n".repeat(1000));

        UsageReader.Result result = UsageReader.read(file, r -> { });
        assertEquals(21, result.warnings().size());
        assertEquals(file + ": 980 more bad lines skipped", result.warnings().get(20));
    }

    @Test
    void reopeningAfterATornLineEndsItSoTheNextRecordIsWhole() throws Exception {
        Path file = dir.resolve("usage.jsonl");
        Files.writeString(file, UsageRecordJson.line(Records.ok("a", 1, 128)) + "{\"function\":\"a\",\"ver");
        try (UsageLedger ledger = UsageLedger.open(dir, warnings::add)) {
            ledger.append(Records.ok("b", 1, 128));
        }

        List<UsageRecord> read = new ArrayList<>();
        UsageReader.Result result = UsageReader.read(file, read::add);
        assertEquals(List.of("a", "b"), read.stream().map(UsageRecord::function).toList());
        assertEquals(List.of(file + ": line 2: not a JSON object; line skipped"), result.warnings());
    }

    @Test
    void aRecordAfterCloseIsDroppedWithAWarningNotAnException() {
        UsageLedger ledger = UsageLedger.open(dir, warnings::add);
        ledger.close();
        UsageRecord late = Records.ok("late", 1, 128);
        ledger.append(late);

        assertEquals(List.of(dir.resolve("usage.jsonl") + ": usage ledger is closed; record of late request "
                + late.requestId() + " dropped"), warnings);
    }

    @Test
    void aStateDirThatCannotBeCreatedIsOneLineNamingTheFile() throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a directory");
        var e = assertThrows(UncheckedIOException.class, () -> UsageLedger.open(blocker.resolve(".faas"), warnings::add));

        assertTrue(e.getMessage().startsWith(blocker.resolve(".faas/usage.jsonl") + ": cannot open the usage ledger ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("); check that the directory is writable or move it with --state-dir"));
        assertFalse(e.getMessage().contains("\n"));
    }
}
