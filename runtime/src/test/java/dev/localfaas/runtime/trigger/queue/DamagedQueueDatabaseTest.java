package dev.localfaas.runtime.trigger.queue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A queues.db that is damaged or not ours is reported in one line and moved aside, never overwritten. */
class DamagedQueueDatabaseTest {

    @TempDir
    Path dir;
    final List<String> notices = new ArrayList<>();

    private Path db() {
        return dir.resolve(".faas").resolve("queues.db");
    }

    private List<Path> movedAside() throws IOException {
        try (Stream<Path> files = Files.list(db().getParent())) {
            return files.filter(p -> p.getFileName().toString().matches("queues\\.db\\.damaged-\\d{8}T\\d{6}Z"))
                    .toList();
        }
    }

    /** Opens the store over whatever is there and checks that it works and starts empty. */
    private void openAndUse() {
        try (SqliteQueueBackend queues = SqliteQueueBackend.open(db(), notices::add)) {
            assertTrue(queues.stats().isEmpty(), "starts with empty queues");
            queues.send("orders", OutgoingMessage.of("fresh"));
            assertEquals(1, queues.receive(ReceiveRequest.of("orders", 1, Duration.ofSeconds(1)), Duration.ZERO).size());
        }
    }

    @Test
    void aFileThatIsNotSqliteIsReportedInOneLineAndMovedAsideUntouched() throws IOException {
        Files.createDirectories(db().getParent());
        byte[] garbage = "these are my notes, not a database\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(db(), garbage);

        openAndUse();

        assertEquals(1, notices.size());
        String notice = notices.get(0);
        assertFalse(notice.contains("\n"));
        Path aside = movedAside().get(0);
        assertEquals(db().toAbsolutePath() + " is not an SQLite database; moved it aside to " + aside.getFileName()
                + " and started with empty queues (open the old file with sqlite3 to recover its messages)", notice);
        assertArrayEquals(garbage, Files.readAllBytes(aside));
    }

    @Test
    void anotherApplicationsSqliteDatabaseIsNotOursAndIsMovedAside() throws Exception {
        Files.createDirectories(db().getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE notes (text TEXT)");
            s.executeUpdate("INSERT INTO notes VALUES ('keep me')");
        }

        openAndUse();

        assertEquals(1, notices.size());
        assertTrue(notices.get(0).contains("is not a localfaas queue database (application_id 0x00000000)"), notices.get(0));
        assertEquals(1, movedAside().size());
    }

    @Test
    void aDatabaseFromANewerSchemaIsMovedAsideRatherThanMisread() throws Exception {
        try (SqliteQueueBackend queues = SqliteQueueBackend.open(db(), notices::add)) {
            queues.send("orders", OutgoingMessage.of("old"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.executeUpdate("PRAGMA user_version = 99");
        }

        openAndUse();

        assertEquals(1, notices.size());
        assertTrue(notices.get(0).contains("was written by a newer localfaas (schema 99, this one knows 2)"), notices.get(0));
    }

    @Test
    void aDamagedQueueDatabaseIsMovedAsideWithItsWriteAheadLog() throws Exception {
        try (SqliteQueueBackend queues = SqliteQueueBackend.open(db(), notices::add)) {
            queues.sendAll("orders", IntStream.range(0, 2000)
                    .mapToObj(i -> OutgoingMessage.of("message " + i + " " + "x".repeat(200))).toList());
        }
        long size = Files.size(db());
        try (RandomAccessFile f = new RandomAccessFile(db().toFile(), "rw")) {
            // Smash the pages after the schema: the b-tree pages of the messages table and its index.
            byte[] noise = new byte[(int) (size / 2)];
            new java.util.Random(42).nextBytes(noise);
            f.seek(size / 4);
            f.write(noise);
        }
        Files.writeString(db().resolveSibling("queues.db-wal"), "stale wal");

        openAndUse();

        assertEquals(1, notices.size());
        assertTrue(notices.get(0).contains(" is damaged ("), notices.get(0));
        Path aside = movedAside().get(0);
        assertEquals("stale wal", Files.readString(aside.resolveSibling(aside.getFileName() + "-wal")));
    }

    @Test
    void anEmptySqliteFileIsAdoptedWithoutComplaint() throws Exception {
        Files.createDirectories(db().getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.executeUpdate("PRAGMA journal_mode = WAL");
        }

        openAndUse();

        assertTrue(notices.isEmpty(), notices.toString());
        assertTrue(movedAside().isEmpty());
    }
}
