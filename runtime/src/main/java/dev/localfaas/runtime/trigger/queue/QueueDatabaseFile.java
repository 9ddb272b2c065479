package dev.localfaas.runtime.trigger.queue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;

/**
 * Opens {@code queues.db}: checks that an existing file is an undamaged localfaas queue database (SQLite header,
 * our {@code application_id}, a schema version we know, {@code quick_check}), moves one that is not aside under a
 * timestamped name — never overwriting it — and creates the schema in WAL mode.
 */
final class QueueDatabaseFile {

    /** "LFAQ": marks the file as a localfaas queue database for anyone who runs {@code PRAGMA application_id}. */
    static final int APPLICATION_ID = 0x4C464151;
    static final int SCHEMA_VERSION = 2;
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS queues (
              name              TEXT PRIMARY KEY,
              dead_letter_queue TEXT,
              created_at        INTEGER NOT NULL
            );
            CREATE TABLE IF NOT EXISTS messages (
              seq              INTEGER PRIMARY KEY,
              id               TEXT    NOT NULL,
              queue            TEXT    NOT NULL,
              body             TEXT    NOT NULL,
              attributes       TEXT    NOT NULL DEFAULT '{}',
              md5_of_body      TEXT    NOT NULL,
              sender_id        TEXT    NOT NULL,
              sent_at          INTEGER NOT NULL,
              visible_at       INTEGER NOT NULL,
              receive_count    INTEGER NOT NULL DEFAULT 0,
              first_receive_at INTEGER,
              receipt_handle   TEXT,
              source_queue     TEXT
            );
            CREATE INDEX IF NOT EXISTS messages_by_queue ON messages (queue, visible_at);
            CREATE TABLE IF NOT EXISTS dedup (
              queue      TEXT    NOT NULL,
              dedup_id   TEXT    NOT NULL,
              message_id TEXT    NOT NULL,
              seq        INTEGER NOT NULL,
              expires_at INTEGER NOT NULL,
              PRIMARY KEY (queue, dedup_id)
            );
            """;

    /** Schema 2 (the SQS API): queue attributes and FIFO message keys, added to a schema 1 file in place. */
    private static final String[][] ADDED_COLUMNS = {
        {"queues", "attributes", "TEXT NOT NULL DEFAULT '{}'"},
        {"messages", "group_id", "TEXT"},
        {"messages", "dedup_id", "TEXT"},
        {"messages", "trace_header", "TEXT"}, // AWSTraceHeader; added in place, older readers ignore it
    };

    private final Path file;
    private final boolean syncEveryCommit;

    QueueDatabaseFile(Path file, boolean syncEveryCommit) {
        this.file = file.toAbsolutePath();
        this.syncEveryCommit = syncEveryCommit;
    }

    Path path() {
        return file;
    }

    /** Checks the file, moving it aside (and saying so through {@code notices}) when it is not usable. */
    void prepare(Consumer<String> notices, Clock clock) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new QueueStoreException(file.getParent() + ": cannot create the state directory (" + e.getMessage()
                    + "); check its permissions", e);
        }
        problem().ifPresent(reason -> notices.accept(moveAside(reason, clock)));
    }

    /** Opens the writer's connection and creates the schema if it is missing. */
    Connection openForWriting() {
        try {
            Connection c = connect(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
                s.executeUpdate("PRAGMA user_version = " + SCHEMA_VERSION);
                for (String ddl : SCHEMA.split(";")) {
                    if (!ddl.isBlank()) {
                        s.executeUpdate(ddl);
                    }
                }
                for (String[] column : ADDED_COLUMNS) {
                    if (!hasColumn(s, column[0], column[1])) {
                        s.executeUpdate("ALTER TABLE " + column[0] + " ADD COLUMN " + column[1] + " " + column[2]);
                    }
                }
            }
            return c;
        } catch (SQLException e) {
            throw new QueueStoreException(file + ": " + SqliteErrors.describe(e), e);
        }
    }

    Connection openForReading() {
        try {
            return connect(true);
        } catch (SQLException e) {
            throw new QueueStoreException(file + ": " + SqliteErrors.describe(e), e);
        }
    }

    private Connection connect(boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL syncs the WAL on every commit: a committed message survives a power cut, not only a kill -9.
        config.setSynchronous(syncEveryCommit ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        config.setReadOnly(readOnly);
        return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    }

    /** Why the existing file cannot be used, or empty when it is absent, empty, fresh or ours and sound. */
    private Optional<String> problem() {
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                return Optional.empty();
            }
            byte[] header = new byte[SQLITE_HEADER.length];
            try (InputStream in = Files.newInputStream(file)) {
                if (in.readNBytes(header, 0, header.length) < header.length || !Arrays.equals(header, SQLITE_HEADER)) {
                    return Optional.of("is not an SQLite database");
                }
            }
        } catch (IOException e) {
            throw new QueueStoreException(file + ": cannot read it (" + e.getMessage() + "); check its permissions", e);
        }
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true); // looking must not change the file, nor drop a WAL that belongs to it
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, readOnly.toProperties());
             Statement s = c.createStatement()) {
            int appId = intPragma(s, "application_id");
            int version = intPragma(s, "user_version");
            if (appId != APPLICATION_ID) {
                if (appId == 0 && version == 0 && tableCount(s) == 0) {
                    return Optional.empty(); // an empty database, e.g. made by `sqlite3 queues.db`
                }
                return Optional.of(String.format("is not a localfaas queue database (application_id 0x%08X)", appId));
            }
            if (version > SCHEMA_VERSION) {
                return Optional.of("was written by a newer localfaas (schema " + version + ", this one knows "
                        + SCHEMA_VERSION + ")");
            }
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check(1)")) {
                String check = rs.next() ? rs.getString(1) : "no answer";
                return "ok".equals(check) ? Optional.empty() : Optional.of("is damaged (quick_check: " + check + ")");
            }
        } catch (SQLException e) {
            return Optional.of("is damaged (" + SqliteErrors.describe(e) + ")");
        }
    }

    private static int intPragma(Statement s, String pragma) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean hasColumn(Statement s, String table, String column) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                if (column.equals(rs.getString("name"))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static int tableCount(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Renames the file and its WAL and shared-memory files (a stale WAL must never meet a new database). */
    private String moveAside(String reason, Clock clock) {
        String suffix = ".damaged-" + STAMP.format(clock.instant());
        Path target = file.resolveSibling(file.getFileName() + suffix);
        for (int n = 2; Files.exists(target); n++) {
            target = file.resolveSibling(file.getFileName() + suffix + "-" + n);
        }
        try {
            for (String companion : new String[] {"-wal", "-shm", "-journal"}) {
                Path side = file.resolveSibling(file.getFileName() + companion);
                if (Files.exists(side)) {
                    Files.move(side, target.resolveSibling(target.getFileName() + companion));
                }
            }
            Files.move(file, target);
        } catch (IOException e) {
            throw new QueueStoreException(file + " " + reason + " and could not be moved aside (" + e.getMessage()
                    + "); move or delete it yourself", e);
        }
        return file + " " + reason + "; moved it aside to " + target.getFileName()
                + " and started with empty queues (open the old file with sqlite3 to recover its messages)";
    }
}
