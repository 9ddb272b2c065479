package dev.localfaas.runtime.trigger.kafka;

import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.trigger.delivery.Workers;
import dev.localfaas.runtime.function.KafkaTriggerSpec;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One Kafka trigger of one function: a consumer in the trigger's group on its own thread. It gathers a batch (up to
 * {@code BatchSize} records or until the batching window closes), runs it to its end ({@link BatchDelivery}), and only
 * then commits the batch's offsets. The thread owns the consumer, the buffer and the pending offsets: the rebalance
 * listener runs inside {@code poll} on the same thread, so no batch is ever in flight when partitions move. Revoked
 * partitions get their pending offsets committed and their unprocessed records dropped (the next owner starts at the
 * committed offset); lost ones are dropped without a commit, as the group has already handed them on.
 */
final class KafkaPoller implements Workers.Worker {

    private static final Duration IDLE_POLL = Duration.ofMillis(500);

    private final FunctionSpec function;
    private final KafkaTriggerSpec spec;
    private final String servers;
    private final String group;
    private final KafkaSettings settings;
    private final Consumer<String> notices;
    private final RecordFilter filter;
    private final BatchDelivery delivery;
    private final KafkaCounters counters = new KafkaCounters();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private final Set<String> owned = new ConcurrentSkipListSet<>();
    private final ArrayDeque<ConsumerRecord<byte[], byte[]>> buffer = new ArrayDeque<>();
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean running = true;

    KafkaPoller(FunctionSpec function, KafkaTriggerSpec spec, dev.localfaas.runtime.execution.FunctionInvoker invoker,
                FailureSink failures, KafkaSettings settings, Consumer<String> notices) {
        this.function = function;
        this.spec = spec;
        this.servers = KafkaTriggerRules.servers(spec, settings.defaultServers());
        this.group = spec.groupFor(function.name());
        this.settings = settings;
        this.notices = notices;
        this.filter = new RecordFilter(spec.filters());
        KafkaEventEncoder encoder = new KafkaEventEncoder(spec, servers);
        String functionArn = "arn:aws:lambda:" + settings.region() + ":" + settings.account() + ":function:" + function.name();
        this.delivery = new BatchDelivery(function, spec, invoker, encoder,
                new FailureRecord(spec, functionArn, servers, group, encoder), failures, settings, counters, notices, stopped);
        this.thread = new Thread(this::run, "faas-kafka-" + function.name() + "-" + String.join(",", spec.topics()));
        this.thread.setDaemon(true);
    }

    @Override
    public void start() {
        thread.start();
    }

    private Properties config() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "localfaas-" + function.name() + "-" + ProcessHandle.current().pid());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, spec.startingPosition().equals("TRIM_HORIZON") ? "earliest" : "latest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, spec.batchSize());
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(500, settings.sessionTimeout().toMillis() / 3));
        // A batch may retry for long; the group must not evict the consumer for it (Lambda's poller is not evicted).
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(15).toMillis());
        return p;
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(config(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = c;
            if (!running) {
                return;
            }
            c.subscribe(spec.topics(), new Rebalances());
            long windowStart = -1;
            while (running) {
                Duration wait = buffer.isEmpty() ? IDLE_POLL
                        : Duration.ofMillis(Math.max(1, windowStart + spec.maximumBatchingWindowMillis() - now()));
                try {
                    c.poll(wait).forEach(buffer::add);
                } catch (WakeupException e) {
                    break;
                } catch (KafkaException e) {
                    notices.accept(function.name() + ": cannot poll Kafka topics " + spec.topics() + " at " + servers
                            + ": " + e.getMessage());
                    if (stopped.await(IDLE_POLL.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        break;
                    }
                    continue;
                }
                if (buffer.isEmpty()) {
                    windowStart = -1;
                    continue;
                }
                if (windowStart < 0) {
                    windowStart = now();
                }
                if (buffer.size() >= spec.batchSize() || now() - windowStart >= spec.maximumBatchingWindowMillis()) {
                    List<ConsumerRecord<byte[], byte[]>> batch = take();
                    windowStart = buffer.isEmpty() ? -1 : now();
                    if (!runBatch(batch)) {
                        break; // stopped mid-batch: not committed, delivered again after a restart
                    }
                    commit(c);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            notices.accept(function.name() + ": the Kafka consumer of " + spec.topics() + " stopped: " + e);
        } finally {
            owned.clear();
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> take() {
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
        while (!buffer.isEmpty() && batch.size() < spec.batchSize()) {
            batch.add(buffer.poll());
        }
        return batch;
    }

    /** Runs a batch (its filtered records only) to its end; false when the trigger stopped before it ended. */
    private boolean runBatch(List<ConsumerRecord<byte[], byte[]>> batch) {
        List<ConsumerRecord<byte[], byte[]>> passing = batch.stream().filter(filter::passes).toList();
        counters.filtered.addAndGet(batch.size() - passing.size());
        if (!passing.isEmpty() && delivery.deliver(passing) == BatchDelivery.Result.STOPPED) {
            return false;
        }
        for (ConsumerRecord<byte[], byte[]> r : batch) {
            pending.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
        }
        return true;
    }

    private void commit(KafkaConsumer<byte[], byte[]> c) {
        if (pending.isEmpty()) {
            return;
        }
        try {
            c.commitSync(new HashMap<>(pending));
            pending.clear();
        } catch (RebalanceInProgressException | WakeupException e) {
            // kept: committed when the rebalance revokes the partitions, or on stop
            if (e instanceof WakeupException) {
                commitOnStop(c);
            }
        } catch (CommitFailedException e) {
            notices.accept(function.name() + ": the group moved partitions " + describe(pending.keySet())
                    + " while a batch ran; their new owner delivers those records again");
            pending.clear();
        } catch (KafkaException e) {
            notices.accept(function.name() + ": cannot commit offsets " + describe(pending.keySet()) + ": "
                    + e.getMessage() + "; the records will be delivered again");
            pending.clear();
        }
    }

    private void commitOnStop(KafkaConsumer<byte[], byte[]> c) {
        try {
            c.commitSync(new HashMap<>(pending));
            pending.clear();
        } catch (KafkaException e) {
            notices.accept(function.name() + ": cannot commit offsets at stop (" + e.getMessage()
                    + "); the last batch will be delivered again");
        }
    }

    private static long now() {
        return System.nanoTime() / 1_000_000;
    }

    /** Partitions move only inside {@code poll}, on the consumer's own thread, between batches. */
    private final class Rebalances implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> mine = new HashMap<>();
            partitions.forEach(p -> {
                OffsetAndMetadata o = pending.remove(p);
                if (o != null) {
                    mine.put(p, o);
                }
            });
            if (!mine.isEmpty()) {
                try {
                    consumer.commitSync(mine);
                } catch (KafkaException e) {
                    notices.accept(function.name() + ": cannot commit " + describe(mine.keySet()) + " before handing"
                            + " them on (" + e.getMessage() + "); their new owner delivers the last batch again");
                }
            }
            release(partitions, "handed on");
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(pending::remove);
            release(partitions, "lost");
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            if (spec.startingPosition().equals("AT_TIMESTAMP")) {
                seekToTimestamp(partitions);
            }
            partitions.forEach(p -> owned.add(p.toString()));
            notices.accept(function.name() + ": owns Kafka partitions " + describe(partitions) + " (group " + group
                    + "; all of this instance: " + String.join(", ", owned) + ")");
        }

        private void release(Collection<TopicPartition> partitions, String how) {
            if (partitions.isEmpty()) {
                return;
            }
            Set<TopicPartition> gone = new HashSet<>(partitions);
            buffer.removeIf(r -> gone.contains(new TopicPartition(r.topic(), r.partition())));
            partitions.forEach(p -> owned.remove(p.toString()));
            if (running) {
                notices.accept(function.name() + ": " + how + " Kafka partitions " + describe(partitions) + " (group "
                        + group + ")");
            }
        }
    }

    /** Partitions that the group has no committed offset for start at the first record at or after the timestamp. */
    private void seekToTimestamp(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        Map<TopicPartition, Long> query = new HashMap<>();
        for (TopicPartition p : partitions) {
            if (committed.get(p) == null) {
                query.put(p, spec.startingPositionTimestamp() * 1000);
            }
        }
        if (query.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        List<TopicPartition> atEnd = new ArrayList<>();
        found.forEach((p, o) -> {
            if (o == null) {
                atEnd.add(p);
            } else {
                consumer.seek(p, o.offset());
            }
        });
        consumer.seekToEnd(atEnd);
    }

    static String describe(Collection<TopicPartition> partitions) {
        return String.join(", ", new TreeSet<>(partitions.stream().map(TopicPartition::toString).toList()));
    }

    static String describeBatch(List<ConsumerRecord<byte[], byte[]>> batch) {
        return describe(batch.stream().map(r -> new TopicPartition(r.topic(), r.partition())).toList());
    }

    /** Stops polling: a batch running now finishes (an abandoned retry is not committed); then the group rebalances. */
    @Override
    public void stop() {
        running = false;
        stopped.countDown();
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    @Override
    public boolean awaitStopped(Duration grace) {
        try {
            thread.join(function.timeoutSeconds() * 1000L + grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    KafkaTriggerInfo info() {
        return new KafkaTriggerInfo(function.name(), spec.eventSource(), spec.topics(), servers, group,
                List.copyOf(owned), counters.batches.get(), counters.records.get(), counters.filtered.get(),
                counters.failedInvocations.get(), counters.skipped.get(), counters.sentToDestination.get());
    }
}
