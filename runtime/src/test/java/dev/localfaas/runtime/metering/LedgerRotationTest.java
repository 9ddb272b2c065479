package dev.localfaas.runtime.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code usage.jsonl} rotates into segments by size and by day, old segments expire, and readers see one ledger. */
class LedgerRotationTest {

    @TempDir
    Path dir;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @Test
    void aFullFileBecomesASegmentAndTheReportReadsAllOfThemAsOne() {
        Path state = dir.resolve(".faas");
        List<UsageRecord> written = new ArrayList<>();
        try (UsageLedger ledger = UsageLedger.open(state, new LedgerRotation(2048, true, Duration.ofDays(1)),
                warnings::add)) {
            for (int i = 0; i < 40; i++) {
                UsageRecord r = Records.ok("fn" + i, i, 128);
                written.add(r);
                ledger.append(r);
            }
        }
        List<Path> segments = UsageLedger.segments(state);
        assertTrue(segments.size() >= 3, segments.toString());
        for (Path segment : segments) {
            assertTrue(segment.getFileName().toString().matches("usage-\\d{8}T\\d{6}\\.\\d{3}Z-\\d+\\.jsonl"), segment.toString());
        }
        assertEquals(written, UsageReader.readAll(UsageLedger.fileIn(state)), "every record, in order, once");
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void aNewDayBeginsANewFile() throws Exception {
        Path state = dir.resolve(".faas");
        UsageRecord yesterday = Records.ok("old", 1, 128);
        try (UsageLedger ledger = UsageLedger.open(state, warnings::add)) {
            ledger.append(yesterday);
        }
        Files.setLastModifiedTime(UsageLedger.fileIn(state), FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        UsageRecord today = Records.ok("new", 1, 128);
        try (UsageLedger ledger = UsageLedger.open(state, warnings::add)) {
            ledger.append(today);
        }
        List<Path> segments = UsageLedger.segments(state);
        assertEquals(1, segments.size(), segments.toString());
        assertEquals(List.of(yesterday), UsageReader.readAll(segments.get(0)));
        assertEquals(List.of(yesterday, today), UsageReader.readAll(UsageLedger.fileIn(state)));
    }

    @Test
    void segmentsOlderThanTheRetentionAreDeleted() throws Exception {
        Path state = Files.createDirectories(dir.resolve(".faas"));
        Path old = Files.writeString(state.resolve("usage-20250101T000000.000Z-1.jsonl"), "");
        Path recent = Files.writeString(state.resolve("usage-20260101T000000.000Z-1.jsonl"), "");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
        Files.setLastModifiedTime(recent, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        try (UsageLedger ledger = UsageLedger.open(state, LedgerRotation.defaults().withRetention(Duration.ofDays(30)),
                warnings::add)) {
            ledger.append(Records.ok("a", 1, 128));
        }
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(recent));
    }
}
