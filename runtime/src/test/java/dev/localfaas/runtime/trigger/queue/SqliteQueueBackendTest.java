package dev.localfaas.runtime.trigger.queue;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteQueueBackendTest {

    @TempDir
    Path dir;
    SqliteQueueBackend queues;
    final List<String> notices = new ArrayList<>();

    @BeforeEach
    void open() {
        queues = SqliteQueueBackend.open(dir.resolve("queues.db"), notices::add);
    }

    @AfterEach
    void close() {
        queues.close();
    }

    private List<ReceivedMessage> receive(String queue, int max, Duration visibility) {
        return queues.receive(ReceiveRequest.of(queue, max, visibility), Duration.ZERO);
    }

    private static Set<String> bodies(List<ReceivedMessage> messages) {
        return messages.stream().map(ReceivedMessage::body).collect(Collectors.toSet());
    }

    @Test
    void sentMessagesAreReceivedWithTheirSqsAttributesAndHiddenUntilDeleted() {
        SentMessage sent = queues.send("orders", OutgoingMessage.of("hello")
                .withAttributes(Map.of("Author", MessageAttribute.string("John"))));

        List<ReceivedMessage> got = receive("orders", 10, Duration.ofSeconds(30));

        assertEquals(1, got.size());
        ReceivedMessage m = got.get(0);
        assertEquals(sent.messageId(), m.messageId());
        assertEquals("hello", m.body());
        assertEquals("5d41402abc4b2a76b9719d911017c592", m.md5OfBody());
        assertEquals(1, m.receiveCount());
        assertEquals("John", m.attributes().get("Author").stringValue());
        assertTrue(m.firstReceiveAt() >= m.sentAt());
        assertTrue(receive("orders", 10, Duration.ofSeconds(30)).isEmpty(), "in flight, so hidden");
        assertEquals(1, queues.delete("orders", List.of(m.receiptHandle())));
        assertEquals(List.of(new QueueStats("orders", 0, 0, 0, null)), queues.stats());
    }

    @Test
    void aMessageNotDeletedReappearsAfterTheVisibilityTimeoutWithItsReceiveCountRaised() {
        queues.send("orders", OutgoingMessage.of("retry me"));
        ReceivedMessage first = receive("orders", 1, Duration.ofMillis(300)).get(0);

        List<ReceivedMessage> again = queues.receive(ReceiveRequest.of("orders", 1, Duration.ofSeconds(30)),
                Duration.ofSeconds(5));

        assertEquals(1, again.size());
        assertEquals(first.messageId(), again.get(0).messageId());
        assertEquals(2, again.get(0).receiveCount());
        assertEquals(first.firstReceiveAt(), again.get(0).firstReceiveAt());
        assertEquals(0, queues.delete("orders", List.of(first.receiptHandle())), "a stale receipt handle deletes nothing");
        assertEquals(1, queues.stats().get(0).inFlight());
    }

    @Test
    void changeVisibilityToZeroReturnsAMessageAtOnce() {
        queues.send("orders", OutgoingMessage.of("back"));
        ReceivedMessage m = receive("orders", 1, Duration.ofMinutes(5)).get(0);

        assertEquals(1, queues.changeVisibility("orders", List.of(m.receiptHandle()), Duration.ZERO));

        assertEquals(Set.of("back"), bodies(receive("orders", 1, Duration.ofMinutes(5))));
    }

    @Test
    void aReceiveTakesAtMostTheBatchAndNeverTheSameMessageTwice() {
        queues.sendAll("orders", IntStream.range(0, 25).mapToObj(i -> OutgoingMessage.of("m" + i)).toList());

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            List<ReceivedMessage> batch = receive("orders", 10, Duration.ofMinutes(1));
            assertTrue(batch.size() <= 10);
            batch.forEach(m -> assertTrue(seen.add(m.body()), "delivered twice: " + m.body()));
        }
        assertEquals(25, seen.size());
    }

    @Test
    void aReceiveStopsAtItsByteBudgetButAlwaysReturnsOneMessage() {
        String big = "x".repeat(10_000);
        queues.sendAll("orders", List.of(OutgoingMessage.of(big), OutgoingMessage.of(big), OutgoingMessage.of(big)));

        List<ReceivedMessage> one = queues.receive(new ReceiveRequest("orders", 10, 100, Duration.ofMinutes(1),
                Optional.empty()), Duration.ZERO);
        List<ReceivedMessage> two = queues.receive(new ReceiveRequest("orders", 10, 25_000, Duration.ofMinutes(1),
                Optional.empty()), Duration.ZERO);

        assertEquals(1, one.size());
        assertEquals(2, two.size());
    }

    @Test
    void aDelayedMessageIsCountedAsDelayedAndHiddenUntilItsDelayEnds() {
        queues.send("orders", OutgoingMessage.of("later").withDelay(Duration.ofMinutes(10)));

        assertTrue(receive("orders", 10, Duration.ofSeconds(30)).isEmpty());
        QueueStats stats = queues.stats().get(0);
        assertEquals(new QueueStats("orders", 0, 0, 1, null, stats.oldestSentAt()), stats);
        assertTrue(stats.oldestSentAt() > 0 && stats.oldestAgeSeconds(stats.oldestSentAt() + 61_000) == 61,
                "the oldest message's send time gives its age");
        assertEquals("delayed", queues.peek("orders", 10).get(0).state());
    }

    @Test
    void aRedrivePolicyMovesAMessageToTheDeadLetterQueueInsteadOfAReceiveBeyondMaxReceiveCount() {
        queues.send("orders", OutgoingMessage.of("poison"));
        ReceiveRequest request = ReceiveRequest.of("orders", 10, Duration.ZERO)
                .withRedrivePolicy(new RedrivePolicy("orders-dlq", 2));

        assertEquals(1, queues.receive(request, Duration.ZERO).size());
        assertEquals(1, queues.receive(request, Duration.ZERO).size());
        assertTrue(queues.receive(request, Duration.ZERO).isEmpty(), "a third receive dead-letters it");

        List<StoredMessage> dead = queues.peek("orders-dlq", 10);
        assertEquals(1, dead.size());
        assertEquals("poison", dead.get(0).body());
        assertEquals("orders", dead.get(0).sourceQueue());
        assertTrue(queues.peek("orders", 10).isEmpty());
    }

    @Test
    void redriveMovesDeadLettersBackToTheirSourceQueueWithAFreshReceiveCount() {
        queues.sendAll("orders", List.of(OutgoingMessage.of("a"), OutgoingMessage.of("b")));
        List<String> handles = receive("orders", 10, Duration.ofMinutes(1)).stream()
                .map(ReceivedMessage::receiptHandle).toList();
        assertEquals(2, queues.moveToDeadLetter("orders", handles, "orders-dlq"));
        queues.send("orders-dlq", OutgoingMessage.of("sent straight to the dlq"));

        assertEquals(2, queues.redrive("orders-dlq"));

        List<ReceivedMessage> back = receive("orders", 10, Duration.ofMinutes(1));
        assertEquals(Set.of("a", "b"), bodies(back));
        back.forEach(m -> assertEquals(1, m.receiveCount()));
        assertEquals(List.of("sent straight to the dlq"),
                queues.peek("orders-dlq", 10).stream().map(StoredMessage::body).toList());
    }

    @Test
    void peekShowsMessagesWithoutReceivingThem() {
        queues.sendAll("orders", List.of(OutgoingMessage.of("a"), OutgoingMessage.of("b")));

        List<StoredMessage> peeked = queues.peek("orders", 10);

        assertEquals(Set.of("a", "b"), peeked.stream().map(StoredMessage::body).collect(Collectors.toSet()));
        peeked.forEach(m -> {
            assertEquals(0, m.receiveCount());
            assertNull(m.firstReceiveAt());
        });
        assertEquals(2, receive("orders", 10, Duration.ofMinutes(1)).size());
    }

    @Test
    void declaredQueuesShowInStatsWithTheirDeadLetterQueue() {
        queues.declare("orders", Optional.of("orders-dlq"));

        assertEquals(List.of(new QueueStats("orders", 0, 0, 0, "orders-dlq"),
                new QueueStats("orders-dlq", 0, 0, 0, null)), queues.stats());
        assertTrue(queues.exists("orders-dlq"));
        assertFalse(queues.exists("payments"));
    }

    @Test
    void invalidQueueNamesAndBodiesAreRefusedWithOneLine() {
        QueueRequestException name = assertThrows(QueueRequestException.class,
                () -> queues.send("my queue", OutgoingMessage.of("x")));
        assertEquals("queue name 'my queue' is invalid; use 1 to 80 letters, digits, hyphens or underscores",
                name.getMessage());
        assertEquals("message body is empty; send at least one character",
                assertThrows(QueueRequestException.class, () -> OutgoingMessage.of("")).getMessage());
        assertEquals("message is 1048577 bytes; SQS allows at most 1048576 bytes (body and attributes), "
                        + "so store large payloads elsewhere and send a reference",
                assertThrows(QueueRequestException.class, () -> OutgoingMessage.of("x".repeat(1_048_577))).getMessage());
        assertEquals("delay PT16M is out of range; use 0 to 900 seconds",
                assertThrows(QueueRequestException.class,
                        () -> OutgoingMessage.of("x").withDelay(Duration.ofMinutes(16))).getMessage());
    }

    @Test
    void aLongPollingReceiveWakesAsSoonAsAMessageIsSent() throws Exception {
        CompletableFuture<List<ReceivedMessage>> waiting = CompletableFuture.supplyAsync(
                () -> queues.receive(ReceiveRequest.of("orders", 10, Duration.ofMinutes(1)), Duration.ofSeconds(20)));
        await().until(() -> queues.exists("orders") || !waiting.isDone()); // the receiver is polling

        queues.send("orders", OutgoingMessage.of("wake up"));

        await().atMost(Duration.ofSeconds(5)).until(waiting::isDone);
        assertEquals(Set.of("wake up"), bodies(waiting.get()));
    }

    @Test
    void concurrentSendsAreAllStoredOnceEach() throws Exception {
        int threads = 8;
        int perThread = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<Void>> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            senders.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < perThread; i++) {
                    ids.add(queues.send("orders", OutgoingMessage.of(thread + "-" + i)).messageId());
                }
            }, pool));
        }
        CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get();
        pool.shutdown();

        Set<String> received = new HashSet<>();
        List<ReceivedMessage> batch;
        while (!(batch = receive("orders", 500, Duration.ofMinutes(1))).isEmpty()) {
            batch.forEach(m -> assertTrue(received.add(m.messageId()), "received twice: " + m.messageId()));
        }
        assertEquals(threads * perThread, ids.size());
        assertEquals(ids, received);
    }

    @Test
    void messagesSurviveCloseAndReopenAndInFlightOnesReappearAfterTheirTimeout() {
        queues.sendAll("orders", List.of(OutgoingMessage.of("waiting"), OutgoingMessage.of("in flight")));
        ReceivedMessage inFlight = receive("orders", 1, Duration.ofMillis(500)).get(0);
        queues.close();

        queues = SqliteQueueBackend.open(dir.resolve("queues.db"), notices::add);

        Set<String> all = new HashSet<>(bodies(receive("orders", 10, Duration.ofMinutes(1))));
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            all.addAll(bodies(receive("orders", 10, Duration.ofMinutes(1))));
            return all.size() == 2;
        });
        assertEquals(Set.of("waiting", "in flight"), all);
        assertTrue(all.contains(inFlight.body()));
        assertTrue(notices.isEmpty(), "a sound database is not reported: " + notices);
    }

    @Test
    void aClosedStoreRefusesWork() {
        queues.close();

        assertThrows(IllegalStateException.class, () -> queues.send("orders", OutgoingMessage.of("late")));
    }

    @Test
    void aQueueCreatedInsideASendThatRolledBackIsCreatedByTheNextSend() throws Exception {
        // a real failure inside the send's savepoint, after the queue row was inserted: a trigger refuses the message
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("queues.db"));
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER poison BEFORE INSERT ON messages WHEN NEW.body = 'poison'"
                    + " BEGIN SELECT RAISE(ABORT, 'poisoned message'); END");
        }
        assertThrows(QueueStoreException.class, () -> queues.send("fresh", OutgoingMessage.of("poison")));
        assertFalse(queues.exists("fresh"), "the rolled-back send left its queue behind");

        queues.send("fresh", OutgoingMessage.of("good"));
        assertTrue(queues.exists("fresh"), "the queue was taken as known after a rollback and never created");
        assertEquals(Set.of("good"), bodies(receive("fresh", 10, Duration.ofSeconds(30))));
    }
}
