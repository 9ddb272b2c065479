package dev.localfaas.runtime.trigger.queue.kafka;

import dev.localfaas.runtime.trigger.queue.StoredMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a queue's records after its group's committed offsets without joining the group (no offsets move, no
 * partition changes hands): what {@code peek} shows of the partitions other instances own.
 */
final class TopicPeek {
    private static final Duration AT_MOST = Duration.ofSeconds(2);

    private TopicPeek() {
    }

    static List<StoredMessage> read(BrokerAddress broker, Admin admin, String queue, int max) {
        List<StoredMessage> out = new ArrayList<>();
        QueueBacklog.Partitions p;
        try {
            p = QueueBacklog.partitions(admin, List.of(QueueTopics.topic(queue)));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return out; // peek is a look, not a promise: what this instance holds is still shown
        }
        List<TopicPartition> unread = new ArrayList<>(p.end().keySet().stream().filter(tp -> p.backlog(tp) > 0).toList());
        if (unread.isEmpty()) {
            return out;
        }
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.servers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.max(1, Math.min(max, 500))),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.assign(unread);
            unread.forEach(tp -> c.seek(tp, Math.max(p.committed().getOrDefault(tp, 0L), p.start().getOrDefault(tp, 0L))));
            long until = System.nanoTime() + AT_MOST.toNanos();
            while (out.size() < max && !unread.isEmpty() && System.nanoTime() < until) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(100))) {
                    if (out.size() < max) {
                        QueueRecord m = QueueRecord.from(r);
                        boolean delayed = m.visibleAt() > System.currentTimeMillis();
                        out.add(new StoredMessage(m.messageId(), m.body(), m.attributes(), m.md5OfBody(), m.senderId(),
                                m.sentAt(), m.visibleAt(), m.receives(), m.firstReceiveAt() == 0 ? null : m.firstReceiveAt(),
                                delayed ? "delayed" : "visible", m.sourceQueue()));
                    }
                }
                unread.removeIf(tp -> c.position(tp) >= p.end().get(tp));
            }
        }
        return out;
    }
}
