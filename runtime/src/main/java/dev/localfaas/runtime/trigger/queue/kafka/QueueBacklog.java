package dev.localfaas.runtime.trigger.queue.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the broker says about queue topics: which exist, and per queue how many records lie between its group's
 * committed offsets and the end of its partitions (the backlog every instance together has not resolved). Cached for
 * a second, because the dashboard and {@code /_faas/metrics} ask often and each answer is three admin round trips.
 */
final class QueueBacklog {
    private static final long FRESH_MS = 1_000;
    private static final long TIMEOUT_S = 10;

    record Partitions(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end, Map<TopicPartition, Long> committed) {
        long backlog(TopicPartition tp) {
            long from = Math.max(committed.getOrDefault(tp, 0L), start.getOrDefault(tp, 0L));
            return Math.max(0, end.getOrDefault(tp, 0L) - from);
        }
    }

    private final Admin admin;
    private Set<String> topics = Set.of();
    private Map<String, Long> backlog = Map.of();
    private long fetchedAt;

    QueueBacklog(Admin admin) {
        this.admin = admin;
    }

    /** The queues that have a topic on the broker. */
    synchronized Set<String> queues() {
        refresh(false);
        return topics.stream().map(t -> QueueTopics.queueOf(t).orElseThrow()).collect(Collectors.toSet());
    }

    /** Per queue, the records not yet committed by its group (deleted ones count until the next commit). */
    synchronized Map<String, Long> backlog() {
        refresh(false);
        return backlog;
    }

    synchronized void invalidate() {
        fetchedAt = 0;
    }

    private void refresh(boolean force) {
        long now = System.currentTimeMillis();
        if (!force && now - fetchedAt < FRESH_MS) {
            return;
        }
        try {
            Set<String> ours = admin.listTopics().names().get(TIMEOUT_S, TimeUnit.SECONDS).stream()
                    .filter(t -> QueueTopics.queueOf(t).isPresent()).collect(Collectors.toSet());
            Map<String, Long> counts = new HashMap<>();
            if (!ours.isEmpty()) {
                Partitions p = partitions(admin, ours);
                for (TopicPartition tp : p.end().keySet()) {
                    counts.merge(QueueTopics.queueOf(tp.topic()).orElseThrow(), p.backlog(tp), Long::sum);
                }
            }
            topics = ours;
            backlog = counts;
            fetchedAt = now;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // keep the last answer: counts are approximate anyway, and the broker may be back on the next call
        }
    }

    /** Start, end and committed offsets of every partition of these topics (committed by each queue's group). */
    static Partitions partitions(Admin admin, Collection<String> topics) throws Exception {
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(TIMEOUT_S, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<String, ListConsumerGroupOffsetsSpec> groups = new HashMap<>();
        described.forEach((topic, d) -> {
            List<TopicPartition> parts = d.partitions().stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            parts.forEach(tp -> {
                latest.put(tp, OffsetSpec.latest());
                earliest.put(tp, OffsetSpec.earliest());
            });
            groups.put(QueueTopics.group(QueueTopics.queueOf(topic).orElseThrow()),
                    new ListConsumerGroupOffsetsSpec().topicPartitions(parts));
        });
        Map<TopicPartition, Long> end = offsets(admin.listOffsets(latest).all().get(TIMEOUT_S, TimeUnit.SECONDS));
        Map<TopicPartition, Long> start = offsets(admin.listOffsets(earliest).all().get(TIMEOUT_S, TimeUnit.SECONDS));
        Map<TopicPartition, Long> committed = new HashMap<>();
        Map<String, Map<TopicPartition, OffsetAndMetadata>> byGroup =
                admin.listConsumerGroupOffsets(groups).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        byGroup.values().forEach(m -> m.forEach((tp, o) -> {
            if (o != null) {
                committed.put(tp, o.offset());
            }
        }));
        return new Partitions(start, end, committed);
    }

    private static Map<TopicPartition, Long> offsets(Map<TopicPartition, ListOffsetsResultInfo> info) {
        Map<TopicPartition, Long> out = new HashMap<>();
        info.forEach((tp, i) -> out.put(tp, i.offset()));
        return out;
    }
}
