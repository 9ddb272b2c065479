package dev.localfaas.runtime.trigger.queue.kafka;

import dev.localfaas.runtime.trigger.queue.ReceiveRequest;
import dev.localfaas.runtime.trigger.queue.ReceivedMessage;
import dev.localfaas.runtime.trigger.queue.RedrivePolicy;
import dev.localfaas.runtime.trigger.queue.StoredMessage;
import dev.localfaas.runtime.trigger.queue.kafka.PendingMessage.State;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One queue as this instance consumes it: a member of the queue's consumer group, fetching the records of the
 * partitions it owns into memory, where receives take them. Fetched records stay unresolved until they are deleted,
 * produced again (visibility timeout ran out: the receive count rises in the copy) or moved to the dead-letter topic;
 * the group's offset is committed only up to the lowest unresolved offset of each partition.
 *
 * <p>The consumer thread alone touches the {@link KafkaConsumer} (poll, commit, pause, rebalances); every other
 * caller works on the in-memory state under one lock. A partition handed to another instance takes its unresolved
 * records with it: they are dropped here (receipt handles of them go stale) and fetched again by the new owner from
 * the committed offset.
 */
final class KafkaQueue implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long COMMIT_EVERY_MS = 200;
    /** Fetched-but-not-received records above which fetching pauses, so a slow consumer does not hoard a partition. */
    private static final int MAX_BUFFERED = 2_000;
    private static final AtomicLong HANDLES = new AtomicLong();

    private final String queue;
    private final String topic;
    private final String group;
    private final KafkaQueueBackend backend;
    private final Consumer<String> notices;
    private final Properties config;
    private final Thread thread;

    private final Object lock = new Object();
    private final Map<TopicPartition, PartitionLedger> ledgers = new HashMap<>();
    private final ArrayDeque<PendingMessage> visible = new ArrayDeque<>();
    private final PriorityQueue<PendingMessage> delayed = new PriorityQueue<>(Comparator.comparingLong(m -> m.visibleAt));
    private final Map<String, PendingMessage> inFlight = new LinkedHashMap<>();
    private final Set<String> busyGroups = new HashSet<>();
    private final List<PendingMessage> moving = new ArrayList<>();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean running = true;
    private boolean paused;
    private long lastCommit;

    KafkaQueue(String queue, BrokerAddress broker, KafkaQueueBackend backend, Consumer<String> notices) {
        this.queue = queue;
        this.topic = QueueTopics.topic(queue);
        this.group = QueueTopics.group(queue);
        this.backend = backend;
        this.notices = notices;
        this.config = config(broker);
        this.thread = new Thread(this::run, "faas-kafka-queue-" + queue);
        this.thread.setDaemon(true);
    }

    private Properties config(BrokerAddress broker) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.servers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "localfaas-queue-" + queue + "-" + ProcessHandle.current().pid());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // a queue delivers what was sent before anyone listened
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        return p;
    }

    void start() {
        thread.start();
    }

    String queue() {
        return queue;
    }

    // ---- the consumer thread ----

    private void run() {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = c;
            if (!running) {
                return;
            }
            c.subscribe(List.of(topic), new Rebalances());
            while (running) {
                try {
                    fetch(c.poll(POLL));
                    List<PendingMessage> expired = tick();
                    expired.forEach(this::produceAgain);
                    commit(false);
                } catch (WakeupException e) {
                    break;
                } catch (KafkaException e) {
                    notices.accept("queue " + queue + ": cannot poll Kafka topic " + topic + ": " + e.getMessage());
                    sleep(POLL.toMillis() * 5);
                }
            }
            commit(true);
        } catch (KafkaException e) {
            notices.accept("queue " + queue + ": the Kafka consumer of " + topic + " stopped: " + e.getMessage());
        } finally {
            synchronized (lock) {
                running = false;
                lock.notifyAll();
            }
        }
    }

    private void fetch(Iterable<ConsumerRecord<byte[], byte[]>> records) {
        long now = System.currentTimeMillis();
        synchronized (lock) {
            boolean arrived = false;
            for (ConsumerRecord<byte[], byte[]> r : records) {
                PartitionLedger ledger = ledgers.get(new TopicPartition(r.topic(), r.partition()));
                if (ledger == null) {
                    continue; // handed on during this poll
                }
                ledger.fetched(r.offset());
                PendingMessage m = new PendingMessage(ledger, r.offset(), QueueRecord.from(r));
                if (m.visibleAt > now) {
                    m.state = State.DELAYED;
                    delayed.add(m);
                } else {
                    m.state = State.VISIBLE;
                    visible.add(m);
                    arrived = true;
                }
            }
            if (arrived) {
                lock.notifyAll();
            }
        }
    }

    /** Delays that ended become visible; in-flight messages whose visibility ran out are returned for re-producing. */
    private List<PendingMessage> tick() {
        long now = System.currentTimeMillis();
        List<PendingMessage> expired = new ArrayList<>();
        synchronized (lock) {
            boolean arrived = false;
            while (!delayed.isEmpty() && delayed.peek().visibleAt <= now) {
                PendingMessage m = delayed.poll();
                m.state = State.VISIBLE;
                visible.add(m);
                arrived = true;
            }
            for (Iterator<PendingMessage> it = inFlight.values().iterator(); it.hasNext(); ) {
                PendingMessage m = it.next();
                if (m.deadline <= now) {
                    it.remove();
                    release(m);
                    m.state = State.MOVING;
                    moving.add(m);
                    expired.add(m);
                }
            }
            if (arrived) {
                lock.notifyAll();
            }
            boolean full = visible.size() + delayed.size() > MAX_BUFFERED;
            if (full != paused && consumer != null) {
                if (full) {
                    consumer.pause(consumer.assignment());
                } else {
                    consumer.resume(consumer.paused());
                }
                paused = full;
            }
        }
        return expired;
    }

    /**
     * A message whose visibility ran out goes to the end of its partition again, carrying its receive count; once the
     * copy is stored the original is resolved, so the commit point moves past it and a restart redelivers it once.
     */
    private void produceAgain(PendingMessage m) {
        TopicPartition tp = new TopicPartition(topic, m.ledger.partition);
        backend.produce(m.again().toRecord(topic, tp.partition()), error -> {
            synchronized (lock) {
                moving.remove(m);
                if (error == null) {
                    resolve(m);
                } else if (ledgers.get(tp) == m.ledger) {
                    m.state = State.VISIBLE; // keep it here; it is delivered again from memory
                    visible.addFirst(m);
                    lock.notifyAll();
                }
            }
        });
    }

    private void commit(boolean now) {
        long time = System.currentTimeMillis();
        if (!now && time - lastCommit < COMMIT_EVERY_MS) {
            return;
        }
        lastCommit = time;
        Map<TopicPartition, OffsetAndMetadata> offsets = commitPoints(null);
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
            synchronized (lock) {
                offsets.forEach((tp, o) -> {
                    PartitionLedger ledger = ledgers.get(tp);
                    if (ledger != null) {
                        ledger.committed(o.offset());
                    }
                });
            }
        } catch (KafkaException e) {
            // a rebalance is under way: the revoke commits what is due, or the next tick does
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> commitPoints(Collection<TopicPartition> only) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        synchronized (lock) {
            ledgers.forEach((tp, ledger) -> {
                long point = ledger.commitPoint();
                if (point >= 0 && (only == null || only.contains(tp))) {
                    offsets.put(tp, new OffsetAndMetadata(point));
                }
            });
        }
        return offsets;
    }

    /** Partitions move only inside {@code poll}, on the consumer thread. */
    private final class Rebalances implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> offsets = commitPoints(partitions);
            if (!offsets.isEmpty()) {
                try {
                    consumer.commitSync(offsets);
                } catch (KafkaException e) {
                    notices.accept("queue " + queue + ": cannot commit " + offsets.keySet() + " before handing them on ("
                            + e.getMessage() + "); their new owner delivers some messages again");
                }
            }
            drop(partitions, "handed on");
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            drop(partitions, "lost");
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            synchronized (lock) {
                partitions.forEach(tp -> ledgers.put(tp, new PartitionLedger(tp.partition())));
            }
            if (paused) {
                consumer.pause(partitions);
            }
            notices.accept("queue " + queue + ": owns Kafka partitions " + describe(partitions) + " (group " + group
                    + "; all of this instance: " + String.join(", ", partitions()) + ")");
        }

        private void drop(Collection<TopicPartition> partitions, String how) {
            if (partitions.isEmpty()) {
                return;
            }
            synchronized (lock) {
                Set<PartitionLedger> gone = new HashSet<>();
                partitions.forEach(tp -> {
                    PartitionLedger l = ledgers.remove(tp);
                    if (l != null) {
                        gone.add(l);
                    }
                });
                visible.removeIf(m -> gone.contains(m.ledger));
                delayed.removeIf(m -> gone.contains(m.ledger));
                inFlight.values().removeIf(m -> {
                    if (gone.contains(m.ledger)) {
                        release(m);
                        return true;
                    }
                    return false;
                });
            }
            if (running) {
                notices.accept("queue " + queue + ": " + how + " Kafka partitions " + describe(partitions) + " (group "
                        + group + ")");
            }
        }
    }

    private static String describe(Collection<TopicPartition> partitions) {
        return String.join(", ", new TreeSet<>(partitions.stream().map(TopicPartition::toString).toList()));
    }

    // ---- callers' side ----

    /** Takes visible messages for a receive, waiting up to {@code wait} for the first; see {@code QueueBackend}. */
    List<ReceivedMessage> receive(ReceiveRequest request, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<PendingMessage> toDeadLetter = new ArrayList<>();
        List<ReceivedMessage> out = new ArrayList<>();
        synchronized (lock) {
            while (true) {
                take(request, out, toDeadLetter);
                long left = deadline - System.nanoTime();
                if (!out.isEmpty() || !toDeadLetter.isEmpty() || left <= 0 || !running) {
                    break;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (!toDeadLetter.isEmpty()) {
            String dlq = request.redrivePolicy().orElseThrow().deadLetterQueue();
            moveAll(toDeadLetter, dlq);
            notices.accept("queue " + queue + ": moved " + toDeadLetter.size() + " message(s) to dead-letter queue "
                    + dlq + " after " + request.redrivePolicy().get().maxReceiveCount() + " receives");
        }
        return out;
    }

    private void take(ReceiveRequest request, List<ReceivedMessage> out, List<PendingMessage> toDeadLetter) {
        long now = System.currentTimeMillis();
        long bytes = 0;
        RedrivePolicy redrive = request.redrivePolicy().orElse(null);
        Set<String> skippedGroups = new HashSet<>();
        for (Iterator<PendingMessage> it = visible.iterator(); it.hasNext() && out.size() < request.maxMessages(); ) {
            PendingMessage m = it.next();
            String groupId = m.record.groupId();
            if (groupId != null && (busyGroups.contains(groupId) || skippedGroups.contains(groupId))) {
                continue; // a FIFO group delivers one batch at a time, in order
            }
            if (redrive != null && m.receives >= redrive.maxReceiveCount()) {
                it.remove();
                m.state = State.MOVING;
                moving.add(m);
                toDeadLetter.add(m);
                continue;
            }
            long size = m.record.budgetBytes();
            if (!out.isEmpty() && bytes + size > request.maxBytes()) {
                if (groupId != null) {
                    skippedGroups.add(groupId);
                }
                continue;
            }
            it.remove();
            bytes += size;
            m.receives++;
            if (m.firstReceiveAt == 0) {
                m.firstReceiveAt = now;
            }
            m.receiptHandle = HANDLES.incrementAndGet() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong());
            m.deadline = now + request.visibilityTimeout().toMillis();
            m.state = State.IN_FLIGHT;
            inFlight.put(m.receiptHandle, m);
            if (groupId != null) {
                busyGroups.add(groupId);
            }
            out.add(m.received());
        }
    }

    /** The record behind a current receipt handle. */
    Optional<QueueRecord> recordOf(String handle) {
        synchronized (lock) {
            PendingMessage m = inFlight.get(handle);
            return m == null ? Optional.empty() : Optional.of(m.record);
        }
    }

    /** For a dead letter received here, the queue it came from. */
    Optional<String> sourceOf(String handle) {
        return recordOf(handle).map(QueueRecord::sourceQueue);
    }

    int delete(Collection<String> handles) {
        int n = 0;
        synchronized (lock) {
            for (String h : handles) {
                PendingMessage m = inFlight.remove(h);
                if (m != null) {
                    release(m);
                    resolve(m);
                    n++;
                }
            }
        }
        return n;
    }

    int changeVisibility(Collection<String> handles, Duration timeout) {
        int n = 0;
        long now = System.currentTimeMillis();
        synchronized (lock) {
            for (String h : handles) {
                PendingMessage m = inFlight.get(h);
                if (m == null) {
                    continue;
                }
                n++;
                if (timeout.isZero()) {
                    inFlight.remove(h);
                    release(m);
                    m.state = State.VISIBLE;
                    visible.addFirst(m); // back in memory at once; its receive count stays with it
                    lock.notifyAll();
                } else {
                    m.deadline = now + timeout.toMillis();
                }
            }
        }
        return n;
    }

    int moveToDeadLetter(Collection<String> handles, String deadLetterQueue) {
        List<PendingMessage> chosen = new ArrayList<>();
        synchronized (lock) {
            for (String h : handles) {
                PendingMessage m = inFlight.remove(h);
                if (m != null) {
                    release(m);
                    m.state = State.MOVING;
                    moving.add(m);
                    chosen.add(m);
                }
            }
        }
        return moveAll(chosen, deadLetterQueue);
    }

    /** Stores copies in the dead-letter topic, then resolves the originals; a failed copy is delivered again. */
    private int moveAll(List<PendingMessage> messages, String deadLetterQueue) {
        int moved = 0;
        RuntimeException failure = null;
        for (PendingMessage m : messages) {
            try {
                backend.sendRecord(deadLetterQueue, m.record.withReceives(m.receives, m.firstReceiveAt).deadLetterOf(queue));
                synchronized (lock) {
                    moving.remove(m);
                    resolve(m);
                }
                moved++;
            } catch (RuntimeException e) {
                failure = e;
                synchronized (lock) {
                    moving.remove(m);
                    if (ledgers.containsValue(m.ledger)) {
                        m.state = State.VISIBLE;
                        visible.addFirst(m);
                    }
                }
            }
        }
        if (failure != null) {
            notices.accept("queue " + queue + ": cannot move " + (messages.size() - moved) + " message(s) to "
                    + deadLetterQueue + " (" + failure.getMessage() + "); they are delivered again");
        }
        return moved;
    }

    /** Forgets every message held here (purge): the records before the log's new start are gone from Kafka too. */
    int forgetAll() {
        synchronized (lock) {
            int n = visible.size() + delayed.size() + inFlight.size();
            visible.clear();
            delayed.clear();
            inFlight.clear();
            busyGroups.clear();
            ledgers.values().forEach(PartitionLedger::resolveAll);
            return n;
        }
    }

    private void release(PendingMessage m) {
        if (m.record.groupId() != null) {
            busyGroups.remove(m.record.groupId());
        }
    }

    private void resolve(PendingMessage m) {
        m.ledger.resolve(m.offset);
    }

    // ---- what the admin API and stats show ----

    /** The partitions this instance owns now, as {@code topic-partition}, sorted. */
    List<String> partitions() {
        synchronized (lock) {
            return ledgers.keySet().stream().map(TopicPartition::toString).sorted().toList();
        }
    }

    /** Counts of this instance's messages: visible, in flight, delayed, and all unresolved; the oldest sent time. */
    LocalCounts counts() {
        synchronized (lock) {
            long unresolved = ledgers.values().stream().mapToLong(PartitionLedger::unresolvedCount).sum();
            long oldest = 0;
            for (Collection<PendingMessage> c : List.<Collection<PendingMessage>>of(visible, delayed, inFlight.values(), moving)) {
                for (PendingMessage m : c) {
                    oldest = oldest == 0 ? m.record.sentAt() : Math.min(oldest, m.record.sentAt());
                }
            }
            return new LocalCounts(visible.size(), inFlight.size() + moving.size(), delayed.size(), unresolved, oldest);
        }
    }

    record LocalCounts(long visible, long inFlight, long delayed, long unresolved, long oldestSentAt) {
    }

    /** Up to {@code max} of the messages held here, in any state. */
    List<StoredMessage> peek(int max) {
        synchronized (lock) {
            List<StoredMessage> out = new ArrayList<>();
            for (Collection<PendingMessage> c : List.<Collection<PendingMessage>>of(visible, inFlight.values(), delayed)) {
                for (PendingMessage m : c) {
                    if (out.size() < max) {
                        out.add(m.stored());
                    }
                }
            }
            return out;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms); // back off after a broker failure instead of spinning
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Leaves the group after committing what is resolved; unresolved messages are delivered again by the others. */
    @Override
    public void close() {
        synchronized (lock) {
            running = false;
            lock.notifyAll();
        }
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
