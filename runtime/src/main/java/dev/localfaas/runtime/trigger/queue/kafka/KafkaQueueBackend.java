package dev.localfaas.runtime.trigger.queue.kafka;

import dev.localfaas.runtime.trigger.queue.OutgoingMessage;
import dev.localfaas.runtime.trigger.queue.QueueBackend;
import dev.localfaas.runtime.trigger.queue.QueueNames;
import dev.localfaas.runtime.trigger.queue.QueueStats;
import dev.localfaas.runtime.trigger.queue.QueueStoreException;
import dev.localfaas.runtime.trigger.queue.ReceiveRequest;
import dev.localfaas.runtime.trigger.queue.ReceivedMessage;
import dev.localfaas.runtime.trigger.queue.SentMessage;
import dev.localfaas.runtime.trigger.queue.StoredMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Queues on a Kafka cluster ({@code faas run --broker kafka://host:9092}): one topic per queue, one consumer group per
 * queue that every instance consuming it joins, so several {@code faas run} processes split a queue's partitions. SQS
 * semantics are kept in memory by the instance that owns a partition ({@link KafkaQueue}); what the broker holds is
 * always enough to lose nothing when an instance dies. Sends are acknowledged by the broker ({@code acks=all}) before
 * they return.
 *
 * <p>Queue attributes set through the SQS API and dead-letter queues declared by triggers are kept per instance (every
 * instance of one template declares the same); the queues themselves are the broker's topics.
 */
public final class KafkaQueueBackend implements QueueBackend {
    private static final long TIMEOUT_S = 30;
    /** A send waits for the broker up to the producer's delivery timeout (Kafka's default, 2 minutes) and a little. */
    private static final long SEND_TIMEOUT_S = 125;
    private static final Duration DEDUPLICATION = Duration.ofMinutes(5);
    /** Stores opened in this JVM: each one's clients get their own id (tests open several). */
    private static final java.util.concurrent.atomic.AtomicInteger OPENED = new java.util.concurrent.atomic.AtomicInteger();

    private final BrokerAddress broker;
    private final Consumer<String> notices;
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;
    private final QueueBacklog backlog;
    private final Map<String, KafkaQueue> consumed = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> attributes = new ConcurrentHashMap<>();
    private final Map<String, String> deadLetterQueues = new ConcurrentHashMap<>();
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private final Map<String, Sent> deduplication = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private record Sent(SentMessage message, long at) {
    }

    private KafkaQueueBackend(BrokerAddress broker, Consumer<String> notices, Admin admin, KafkaProducer<byte[], byte[]> producer) {
        this.broker = broker;
        this.notices = notices;
        this.admin = admin;
        this.producer = producer;
        this.backlog = new QueueBacklog(admin);
    }

    /**
     * Connects to the brokers, checking that they answer.
     *
     * @throws QueueStoreException (one line) when no broker answers within 15 s
     */
    public static KafkaQueueBackend open(BrokerAddress broker, Consumer<String> notices) {
        return open(broker, notices, Duration.ofSeconds(15));
    }

    static KafkaQueueBackend open(BrokerAddress broker, Consumer<String> notices, Duration answerWithin) {
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.servers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "localfaas-queues-admin-" + ProcessHandle.current().pid() + "-" + OPENED.get(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
        try {
            admin.describeCluster().nodes().get(answerWithin.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            admin.close(Duration.ZERO);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new QueueStoreException("no Kafka broker answers at " + broker + " (" + reason(e) + "); start one"
                    + " (docs/kafka.md shows how) or run without --broker to keep the queues in SQLite", e);
        }
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.servers(),
                ProducerConfig.CLIENT_ID_CONFIG, "localfaas-queues-" + ProcessHandle.current().pid() + "-" + OPENED.incrementAndGet(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * OutgoingMessage.MAX_BYTES),
                new ByteArraySerializer(), new ByteArraySerializer());
        return new KafkaQueueBackend(broker, notices, admin, producer);
    }

    public BrokerAddress broker() {
        return broker;
    }

    @Override
    public String location() {
        return broker.toString();
    }

    @Override
    public void declare(String queue, Optional<String> deadLetterQueue) {
        QueueNames.require(queue);
        deadLetterQueue.ifPresent(QueueNames::require);
        ensureTopic(queue);
        attributes.putIfAbsent(queue, Map.of());
        deadLetterQueue.ifPresent(dlq -> {
            ensureTopic(dlq);
            attributes.putIfAbsent(dlq, Map.of());
            deadLetterQueues.put(queue, dlq);
        });
    }

    @Override
    public SentMessage send(String queue, OutgoingMessage message) {
        return sendAll(queue, List.of(message)).get(0);
    }

    /** A message of a send: a duplicate's earlier answer, or the record on its way and the broker's acknowledgement. */
    private record Pending(SentMessage earlier, QueueRecord record, Future<RecordMetadata> ack) {
    }

    /**
     * Sends every message and waits for the broker's acknowledgements (not atomic: a broker failure half-way leaves
     * the earlier messages sent). A FIFO deduplication id seen by this instance within 5 minutes is not sent again.
     */
    @Override
    public List<SentMessage> sendAll(String queue, List<OutgoingMessage> messages) {
        QueueNames.require(queue);
        ensureTopic(queue);
        long now = System.currentTimeMillis();
        List<Pending> pending = new ArrayList<>();
        for (OutgoingMessage m : messages) {
            Sent earlier = m.deduplicationId() == null ? null : deduplication.get(queue + "/" + m.deduplicationId());
            if (earlier != null && now - earlier.at() < DEDUPLICATION.toMillis()) {
                pending.add(new Pending(earlier.message(), null, null)); // accepted, not stored again
                continue;
            }
            QueueRecord record = QueueRecord.of(m, now);
            pending.add(new Pending(null, record, producer.send(record.toRecord(QueueTopics.topic(queue), null))));
        }
        List<SentMessage> sent = new ArrayList<>();
        for (Pending p : pending) {
            if (p.earlier() != null) {
                sent.add(p.earlier());
                continue;
            }
            RecordMetadata md = await(p.ack(), "send to queue " + queue);
            SentMessage s = new SentMessage(p.record().messageId(), p.record().md5OfBody(),
                    QueueNames.isFifo(queue) ? String.format("%020d", md.offset()) : null);
            if (p.record().deduplicationId() != null) {
                deduplication.put(queue + "/" + p.record().deduplicationId(), new Sent(s, now));
            }
            sent.add(s);
        }
        if (deduplication.size() > 10_000) {
            deduplication.values().removeIf(s -> now - s.at() >= DEDUPLICATION.toMillis());
        }
        return sent;
    }

    /** Stores a record in a queue's topic (a dead letter, a redriven message) and waits for the acknowledgement. */
    void sendRecord(String queue, QueueRecord record) {
        ensureTopic(queue);
        await(producer.send(record.toRecord(QueueTopics.topic(queue), null)), "send to queue " + queue);
    }

    /** Produces without waiting; {@code done} hears null once the broker has it, or the failure. */
    void produce(ProducerRecord<byte[], byte[]> record, Consumer<Exception> done) {
        try {
            producer.send(record, (md, e) -> done.accept(e));
        } catch (RuntimeException e) {
            done.accept(e);
        }
    }

    @Override
    public List<ReceivedMessage> receive(ReceiveRequest request, Duration waitTime) {
        return queue(request.queue()).receive(request, waitTime);
    }

    /** The queue as this instance consumes it, joining its group on the first receive (senders never join). */
    private KafkaQueue queue(String queue) {
        if (closed) {
            throw new IllegalStateException("the Kafka queue store is closed");
        }
        KafkaQueue q = consumed.get(queue);
        if (q != null) {
            return q;
        }
        ensureTopic(queue);
        return consumed.computeIfAbsent(queue, name -> {
            KafkaQueue created = new KafkaQueue(name, broker, this, notices);
            created.start();
            return created;
        });
    }

    @Override
    public int delete(String queue, Collection<String> receiptHandles) {
        KafkaQueue q = consumed.get(queue);
        return q == null ? 0 : q.delete(receiptHandles);
    }

    @Override
    public int changeVisibility(String queue, Collection<String> receiptHandles, Duration visibilityTimeout) {
        KafkaQueue q = consumed.get(queue);
        return q == null ? 0 : q.changeVisibility(receiptHandles, visibilityTimeout);
    }

    @Override
    public int moveToDeadLetter(String queue, Collection<String> receiptHandles, String deadLetterQueue) {
        KafkaQueue q = consumed.get(queue);
        return q == null ? 0 : q.moveToDeadLetter(receiptHandles, deadLetterQueue);
    }

    @Override
    public Optional<Map<String, String>> attributes(String queue) {
        return exists(queue) ? Optional.of(attributes.getOrDefault(queue, Map.of())) : Optional.empty();
    }

    @Override
    public void setAttributes(String queue, Map<String, String> values) {
        QueueNames.require(queue);
        ensureTopic(queue);
        attributes.merge(queue, Map.copyOf(values), (old, added) -> {
            Map<String, String> merged = new LinkedHashMap<>(old);
            merged.putAll(added);
            return Map.copyOf(merged);
        });
    }

    @Override
    public boolean deleteQueue(String queue) {
        if (!exists(queue)) {
            return false;
        }
        KafkaQueue q = consumed.remove(queue);
        if (q != null) {
            q.close();
        }
        try {
            admin.deleteTopics(List.of(QueueTopics.topic(queue))).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw failure("delete queue " + queue, e);
            }
        } catch (InterruptedException | TimeoutException e) {
            throw failure("delete queue " + queue, e);
        }
        attributes.remove(queue);
        deadLetterQueues.remove(queue);
        topics.remove(queue);
        backlog.invalidate();
        return true;
    }

    /**
     * Deletes the records of a queue's topic up to its end (Kafka's {@code DeleteRecords}) and forgets what this
     * instance holds; other instances drop what they fetched as their consumers find the records gone, or deliver it.
     */
    @Override
    public int purge(String queue) {
        if (!exists(queue)) {
            return 0;
        }
        try {
            QueueBacklog.Partitions p = QueueBacklog.partitions(admin, List.of(QueueTopics.topic(queue)));
            Map<TopicPartition, RecordsToDelete> before = new HashMap<>();
            long count = 0;
            for (Map.Entry<TopicPartition, Long> e : p.end().entrySet()) {
                before.put(e.getKey(), RecordsToDelete.beforeOffset(e.getValue()));
                count += p.backlog(e.getKey());
            }
            admin.deleteRecords(before).all().get(TIMEOUT_S, TimeUnit.SECONDS);
            KafkaQueue q = consumed.get(queue);
            if (q != null) {
                q.forgetAll();
            }
            backlog.invalidate();
            return (int) Math.min(Integer.MAX_VALUE, count);
        } catch (Exception e) {
            throw failure("purge queue " + queue, e);
        }
    }

    /**
     * The messages this instance holds (fetched from the partitions it owns), then records after the group's committed
     * offsets read straight from the broker; a record deleted since the last commit (at most 200 ms) may still show.
     */
    @Override
    public List<StoredMessage> peek(String queue, int max) {
        KafkaQueue q = consumed.get(queue);
        List<StoredMessage> out = new ArrayList<>(q == null ? List.of() : q.peek(max));
        if (out.size() < max && exists(queue)) {
            Set<String> seen = new TreeSet<>(out.stream().map(StoredMessage::messageId).toList());
            for (StoredMessage m : TopicPeek.read(broker, admin, queue, max)) {
                if (out.size() < max && seen.add(m.messageId())) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /**
     * Moves the dead letters of {@code deadLetterQueue} back to the queues they came from: this instance joins the
     * dead-letter queue's group for the moment, receives what is visible, sends each to its source and deletes it.
     */
    @Override
    public int redrive(String deadLetterQueue) {
        boolean wasConsumed = consumed.containsKey(deadLetterQueue);
        KafkaQueue dlq = queue(deadLetterQueue);
        int moved = 0;
        try {
            Duration wait = wasConsumed ? Duration.ofMillis(200) : Duration.ofSeconds(5); // joining the group first
            while (true) {
                List<ReceivedMessage> got = dlq.receive(ReceiveRequest.of(deadLetterQueue, 1000, Duration.ofSeconds(60)), wait);
                if (got.isEmpty()) {
                    break;
                }
                wait = Duration.ofMillis(200);
                List<String> done = new ArrayList<>();
                for (ReceivedMessage m : got) {
                    Optional<String> source = dlq.sourceOf(m.receiptHandle());
                    if (source.isPresent()) {
                        sendRecord(source.get(), dlq.recordOf(m.receiptHandle()).orElseThrow().withReceives(0, 0)
                                .deadLetterOf(null));
                        done.add(m.receiptHandle());
                    }
                }
                moved += dlq.delete(done);
                dlq.changeVisibility(got.stream().map(ReceivedMessage::receiptHandle).toList(), Duration.ZERO);
                if (done.isEmpty()) {
                    break; // what is left came from no queue (sent to the dead-letter queue directly)
                }
            }
        } finally {
            if (!wasConsumed && consumed.remove(deadLetterQueue, dlq)) {
                dlq.close();
            }
        }
        return moved;
    }

    @Override
    public List<QueueStats> stats() {
        Set<String> names = new TreeSet<>(attributes.keySet());
        names.addAll(topics);
        names.addAll(backlog.queues());
        Map<String, Long> remote = backlog.backlog();
        List<QueueStats> out = new ArrayList<>();
        for (String name : names) {
            KafkaQueue q = consumed.get(name);
            KafkaQueue.LocalCounts local = q == null ? new KafkaQueue.LocalCounts(0, 0, 0, 0, 0) : q.counts();
            long elsewhere = Math.max(0, remote.getOrDefault(name, 0L) - local.unresolved());
            out.add(new QueueStats(name, local.visible() + elsewhere, local.inFlight(), local.delayed(),
                    deadLetterQueues.get(name), local.oldestSentAt()));
        }
        return out;
    }

    @Override
    public boolean exists(String queue) {
        return attributes.containsKey(queue) || topics.contains(queue) || backlog.queues().contains(queue);
    }

    @Override
    public Optional<List<String>> ownedPartitions(String queue) {
        KafkaQueue q = consumed.get(queue);
        return Optional.of(q == null ? List.of() : q.partitions());
    }

    /** Creates the queue's topic once (partitions as the broker address says, the broker's replication factor). */
    private void ensureTopic(String queue) {
        if (topics.contains(queue)) {
            return;
        }
        try {
            admin.createTopics(List.of(new NewTopic(QueueTopics.topic(queue), Optional.of(broker.partitions()),
                    Optional.empty()))).all().get(TIMEOUT_S, TimeUnit.SECONDS);
            backlog.invalidate();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw failure("create topic " + QueueTopics.topic(queue) + " for queue " + queue, e);
            }
        } catch (InterruptedException | TimeoutException e) {
            throw failure("create topic " + QueueTopics.topic(queue) + " for queue " + queue, e);
        }
        topics.add(queue);
    }

    private <T> T await(Future<T> future, String what) {
        try {
            return future.get(SEND_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw failure(what, e);
        }
    }

    private QueueStoreException failure(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new QueueStoreException("cannot " + what + " on Kafka at " + broker + ": " + reason(e), e);
    }

    private static String reason(Exception e) {
        Throwable t = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Leaves every queue's group (committing what is resolved), then closes the producer and the admin client. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        consumed.values().forEach(KafkaQueue::close);
        consumed.clear();
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
