package dev.localfaas.runtime.trigger.queue.kafka;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.trigger.kafka.KafkaBroker;
import dev.localfaas.runtime.trigger.queue.MessageAttribute;
import dev.localfaas.runtime.trigger.queue.OutgoingMessage;
import dev.localfaas.runtime.trigger.queue.QueueStats;
import dev.localfaas.runtime.trigger.queue.ReceiveRequest;
import dev.localfaas.runtime.trigger.queue.ReceivedMessage;
import dev.localfaas.runtime.trigger.queue.RedrivePolicy;
import dev.localfaas.runtime.trigger.queue.SentMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The SQS operations of queues kept on a real Kafka broker (the shared KRaft test broker in a child JVM). */
class KafkaQueueBackendTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static BrokerAddress broker(int partitions) {
        return BrokerAddress.parse("kafka://" + KafkaBroker.shared().bootstrapServers() + "?partitions=" + partitions);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void sendReceiveDeleteKeepTheMessageAndAnswerLikeSqs() {
        String queue = unique("orders");
        try (KafkaQueueBackend backend = KafkaQueueBackend.open(broker(2), line -> { })) {
            SentMessage sent = backend.send(queue, OutgoingMessage.of("{\"orderId\":42}")
                    .withAttributes(Map.of("source", MessageAttribute.string("test"))));
            assertTrue(backend.exists(queue));
            List<ReceivedMessage> got = backend.receive(ReceiveRequest.of(queue, 10, Duration.ofSeconds(30)), WAIT);
            assertEquals(1, got.size());
            ReceivedMessage m = got.get(0);
            assertEquals(sent.messageId(), m.messageId());
            assertEquals("{\"orderId\":42}", m.body());
            assertEquals(sent.md5OfBody(), m.md5OfBody());
            assertEquals("test", m.attributes().get("source").stringValue());
            assertEquals(1, m.receiveCount());
            assertTrue(ReceivedMessage.isReceiptHandle(m.receiptHandle()), m.receiptHandle());
            QueueStats inFlight = stats(backend, queue);
            assertEquals(1, inFlight.inFlight());
            assertEquals(2, backend.ownedPartitions(queue).orElseThrow().size(), "one instance owns both partitions");

            assertEquals(1, backend.delete(queue, List.of(m.receiptHandle())));
            assertEquals(0, backend.delete(queue, List.of(m.receiptHandle())), "a handle deletes once");
            assertTrue(backend.receive(ReceiveRequest.of(queue, 10, Duration.ofSeconds(30)), Duration.ofMillis(300)).isEmpty());
            await().atMost(WAIT).until(() -> stats(backend, queue).total() == 0);
        }
    }

    @Test
    void aMessageNotDeletedInTimeComesBackWithItsReceiveCountRaisedAndADelayedOneWaits() {
        String queue = unique("retry");
        try (KafkaQueueBackend backend = KafkaQueueBackend.open(broker(1), line -> { })) {
            backend.send(queue, OutgoingMessage.of("again"));
            backend.send(queue, OutgoingMessage.of("later").withDelay(Duration.ofSeconds(2)));
            long sentAt = System.currentTimeMillis();
            ReceivedMessage first = backend.receive(ReceiveRequest.of(queue, 1, Duration.ofSeconds(1)), WAIT).get(0);
            assertEquals("again", first.body());
            List<ReceivedMessage> seen = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                seen.addAll(backend.receive(ReceiveRequest.of(queue, 10, Duration.ofSeconds(30)), Duration.ofMillis(500)));
                return seen.size() == 2;
            });
            ReceivedMessage again = seen.stream().filter(m -> m.body().equals("again")).findFirst().orElseThrow();
            assertEquals(first.messageId(), again.messageId());
            assertEquals(2, again.receiveCount(), "the copy produced after the timeout carries the receive count");
            ReceivedMessage later = seen.stream().filter(m -> m.body().equals("later")).findFirst().orElseThrow();
            assertTrue(System.currentTimeMillis() - sentAt >= 1_900, "a delayed message stays hidden for its delay");
            assertEquals(1, later.receiveCount());
            assertEquals(0, backend.delete(queue, List.of(first.receiptHandle())), "the expired handle is stale");
        }
    }

    @Test
    void afterMaxReceiveCountAMessageMovesToTheDeadLetterTopicAndRedriveBringsItBack() {
        String queue = unique("work");
        String dlq = queue + "-dlq";
        try (KafkaQueueBackend backend = KafkaQueueBackend.open(broker(1), line -> { })) {
            backend.declare(queue, Optional.of(dlq));
            backend.send(queue, OutgoingMessage.of("poison"));
            ReceiveRequest request = ReceiveRequest.of(queue, 10, Duration.ZERO).withRedrivePolicy(new RedrivePolicy(dlq, 2));
            List<ReceivedMessage> receives = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                receives.addAll(backend.receive(request, Duration.ofMillis(300)));
                return stats(backend, dlq).visible() == 1;
            });
            assertEquals(2, receives.size(), "received maxReceiveCount times, then moved: " + receives);
            assertEquals(dlq, stats(backend, queue).deadLetterQueue());
            assertEquals(queue, backend.peek(dlq, 10).get(0).sourceQueue());

            assertEquals(1, backend.redrive(dlq));
            List<ReceivedMessage> back = backend.receive(ReceiveRequest.of(queue, 10, Duration.ofSeconds(30)), WAIT);
            assertEquals("poison", back.get(0).body());
            assertEquals(receives.get(0).messageId(), back.get(0).messageId());
        }
    }

    @Test
    void twoInstancesSplitTheQueueAndWhenOneLeavesTheOtherGetsEveryMessage() throws Exception {
        String queue = unique("shared");
        int count = 400;
        Set<String> processed = ConcurrentHashMap.newKeySet();
        List<String> sent = new ArrayList<>();
        try (KafkaQueueBackend one = KafkaQueueBackend.open(broker(4), line -> { });
             KafkaQueueBackend two = KafkaQueueBackend.open(broker(4), line -> { })) {
            Worker a = new Worker(one, queue, processed);
            Worker b = new Worker(two, queue, processed);
            a.start();
            b.start();
            await().atMost(WAIT).until(() -> one.ownedPartitions(queue).orElseThrow().size() == 2
                    && two.ownedPartitions(queue).orElseThrow().size() == 2);
            List<OutgoingMessage> messages = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                messages.add(OutgoingMessage.of("m" + i));
            }
            one.sendAll(queue, messages).forEach(m -> sent.add(m.messageId()));
            await().atMost(WAIT).until(() -> a.done.size() >= 10 && b.done.size() >= 10);
            b.finish();
            two.close(); // leaves the group: its partitions go to the first instance
            assertFalse(processed.containsAll(sent), "the second instance stopped with work left: " + a.done.size()
                    + " + " + b.done.size());
            await().atMost(Duration.ofSeconds(40)).until(() -> processed.containsAll(sent));
            assertEquals(4, one.ownedPartitions(queue).orElseThrow().size());
            a.finish();
        }
    }

    private static QueueStats stats(KafkaQueueBackend backend, String queue) {
        return backend.stats().stream().filter(s -> s.name().equals(queue)).findFirst().orElseThrow();
    }

    /** A consumer loop as a queue trigger runs it: receive, process (record the id), delete. */
    private static final class Worker extends Thread {
        final Set<String> done = ConcurrentHashMap.newKeySet();
        private final KafkaQueueBackend backend;
        private final String queue;
        private final Set<String> processed;
        private final AtomicBoolean running = new AtomicBoolean(true);

        Worker(KafkaQueueBackend backend, String queue, Set<String> processed) {
            this.backend = backend;
            this.queue = queue;
            this.processed = processed;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running.get()) {
                List<ReceivedMessage> got = backend.receive(ReceiveRequest.of(queue, 10, Duration.ofSeconds(5)),
                        Duration.ofMillis(200));
                if (got.isEmpty()) {
                    continue;
                }
                try {
                    Thread.sleep(50); // the work: the other instance is stopped while it still has some to do
                } catch (InterruptedException e) {
                    return;
                }
                if (running.get()) { // a stopped worker leaves its last batch undeleted, as a killed one would
                    backend.delete(queue, got.stream().map(ReceivedMessage::receiptHandle).toList());
                    got.forEach(m -> {
                        processed.add(m.messageId());
                        done.add(m.messageId());
                    });
                }
            }
        }

        void finish() throws InterruptedException {
            running.set(false);
            join(10_000);
            assertFalse(isAlive());
        }
    }
}
