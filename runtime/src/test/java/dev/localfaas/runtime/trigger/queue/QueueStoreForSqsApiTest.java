package dev.localfaas.runtime.trigger.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the store gained for the SQS API: queue attributes, delete and purge, FIFO groups and deduplication. */
class QueueStoreForSqsApiTest {
    @TempDir
    Path dir;

    private SqliteQueueBackend open() {
        return SqliteQueueBackend.open(dir.resolve("queues.db"), QueueStoreOptions.DEFAULTS.withSyncEveryCommit(false),
                line -> { });
    }

    @Test
    void attributesAreMergedAndKeptAcrossARestart() {
        try (SqliteQueueBackend queues = open()) {
            assertEquals(Optional.empty(), queues.attributes("jobs"));
            queues.setAttributes("jobs", Map.of("VisibilityTimeout", "40", "DelaySeconds", "0"));
            queues.setAttributes("jobs", Map.of("DelaySeconds", "5"));
            queues.declare("triggered", Optional.empty());
            assertEquals(Optional.of(Map.of()), queues.attributes("triggered"));
        }
        try (SqliteQueueBackend queues = open()) {
            assertEquals(Optional.of(Map.of("VisibilityTimeout", "40", "DelaySeconds", "5")), queues.attributes("jobs"));
        }
    }

    @Test
    void deleteQueueRemovesItAndItsMessagesAndPurgeKeepsTheQueue() {
        try (SqliteQueueBackend queues = open()) {
            queues.send("a", OutgoingMessage.of("1"));
            queues.send("b", OutgoingMessage.of("2"));
            queues.send("b", OutgoingMessage.of("3"));
            assertTrue(queues.deleteQueue("a"));
            assertFalse(queues.deleteQueue("a"));
            assertFalse(queues.exists("a"));
            assertEquals(2, queues.purge("b"));
            assertTrue(queues.exists("b"));
            assertEquals(0, queues.peek("b", 10).size());
            queues.send("a", OutgoingMessage.of("again"));
            assertEquals(1, queues.peek("a", 10).size(), "a deleted queue can be created again by a send");
        }
    }

    @Test
    void fifoGroupsComeInOrderOneInFlightBatchAtATime() {
        try (SqliteQueueBackend queues = open()) {
            queues.sendAll("q.fifo", List.of(OutgoingMessage.of("a1").inGroup("a", "1"),
                    OutgoingMessage.of("b1").inGroup("b", "2"), OutgoingMessage.of("a2").inGroup("a", "3")));
            List<ReceivedMessage> first = queues.receive(ReceiveRequest.of("q.fifo", 1, Duration.ofMinutes(1)), Duration.ZERO);
            assertEquals("a1", first.get(0).body());
            assertEquals("a", first.get(0).groupId());
            List<String> next = new ArrayList<>();
            queues.receive(ReceiveRequest.of("q.fifo", 10, Duration.ofMinutes(1)), Duration.ZERO)
                    .forEach(m -> next.add(m.body()));
            assertEquals(List.of("b1"), next, "group a has a message in flight");
            queues.changeVisibility("q.fifo", List.of(first.get(0).receiptHandle()), Duration.ZERO);
            List<String> again = new ArrayList<>();
            queues.receive(ReceiveRequest.of("q.fifo", 10, Duration.ofMinutes(1)), Duration.ZERO)
                    .forEach(m -> again.add(m.body()));
            assertEquals(List.of("a1", "a2"), again, "a1 came back first, before a2");
        }
    }

    @Test
    void aDeduplicationIdWithinFiveMinutesIsNotStoredTwice() {
        try (SqliteQueueBackend queues = open()) {
            SentMessage one = queues.send("d.fifo", OutgoingMessage.of("x").inGroup("g", "same"));
            SentMessage two = queues.send("d.fifo", OutgoingMessage.of("x").inGroup("g", "same"));
            assertEquals(one, two);
            assertEquals(20, one.sequenceNumber().length());
            assertEquals(1, queues.peek("d.fifo", 10).size());
        }
    }

    @Test
    void aSchemaOneFileIsUpgradedInPlaceKeepingItsMessages() throws Exception {
        Path db = dir.resolve("queues.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("PRAGMA application_id = " + QueueDatabaseFile.APPLICATION_ID);
            s.executeUpdate("PRAGMA user_version = 1");
            s.executeUpdate("CREATE TABLE queues (name TEXT PRIMARY KEY, dead_letter_queue TEXT, created_at INTEGER NOT NULL)");
            s.executeUpdate("CREATE TABLE messages (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, queue TEXT NOT NULL,"
                    + " body TEXT NOT NULL, attributes TEXT NOT NULL DEFAULT '{}', md5_of_body TEXT NOT NULL,"
                    + " sender_id TEXT NOT NULL, sent_at INTEGER NOT NULL, visible_at INTEGER NOT NULL,"
                    + " receive_count INTEGER NOT NULL DEFAULT 0, first_receive_at INTEGER, receipt_handle TEXT,"
                    + " source_queue TEXT)");
            s.executeUpdate("INSERT INTO queues VALUES ('old', NULL, 0)");
            s.executeUpdate("INSERT INTO messages (id, queue, body, md5_of_body, sender_id, sent_at, visible_at)"
                    + " VALUES ('m1', 'old', 'kept', 'x', 's', 0, 0)");
        }
        List<String> notices = new ArrayList<>();
        try (SqliteQueueBackend queues = SqliteQueueBackend.open(db, notices::add)) {
            assertEquals(List.of(), notices, "upgraded, not moved aside");
            assertEquals("kept", queues.receive(ReceiveRequest.of("old", 1, Duration.ofMinutes(1)), Duration.ZERO)
                    .get(0).body());
            assertEquals(Optional.of(Map.of()), queues.attributes("old"));
        }
    }
}
