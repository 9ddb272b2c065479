package dev.localfaas.runtime.trigger.queue.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.trigger.queue.MessageAttribute;
import dev.localfaas.runtime.trigger.queue.OutgoingMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An SQS message as a Kafka record: the body is the value (UTF-8), the key is the FIFO group or else the message id
 * (spreading messages over the partitions), and everything else SQS keeps is a {@code faas.*} header. The receive
 * count travels in {@code faas.receives}: a message not deleted in time is produced again with it raised, so the count
 * survives a restart and a partition moving to another instance.
 */
record QueueRecord(String messageId, String body, Map<String, MessageAttribute> attributes, String md5OfBody,
                   String senderId, long sentAt, long visibleAt, int receives, long firstReceiveAt, String groupId,
                   String deduplicationId, String traceHeader, String sourceQueue) {

    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final TypeReference<LinkedHashMap<String, MessageAttribute>> ATTRIBUTES = new TypeReference<>() { };

    static final String ID = "faas.id";
    static final String SENT = "faas.sent";
    static final String VISIBLE_AT = "faas.visible-at";
    static final String RECEIVES = "faas.receives";
    static final String FIRST_RECEIVE = "faas.first-receive";
    static final String SENDER = "faas.sender";
    static final String ATTRS = "faas.attributes";
    static final String GROUP = "faas.group";
    static final String DEDUP = "faas.dedup";
    static final String TRACE = "faas.trace";
    static final String SOURCE = "faas.source-queue";

    QueueRecord {
        attributes = Map.copyOf(attributes);
    }

    static QueueRecord of(OutgoingMessage m, long now) {
        return new QueueRecord(UUID.randomUUID().toString(), m.body(), m.attributes(), md5Hex(m.body()), m.senderId(),
                now, now + m.delay().toMillis(), 0, 0, m.groupId(), m.deduplicationId(), m.traceHeader(), null);
    }

    QueueRecord withReceives(int count, long firstReceive) {
        return new QueueRecord(messageId, body, attributes, md5OfBody, senderId, sentAt, 0, count, firstReceive,
                groupId, deduplicationId, traceHeader, sourceQueue);
    }

    /** This message as a dead letter that came from {@code queue} (where a redrive puts it back). */
    QueueRecord deadLetterOf(String queue) {
        return new QueueRecord(messageId, body, attributes, md5OfBody, senderId, sentAt, 0, receives, firstReceiveAt,
                groupId, deduplicationId, traceHeader, queue);
    }

    ProducerRecord<byte[], byte[]> toRecord(String topic, Integer partition) {
        Headers h = new RecordHeaders();
        put(h, ID, messageId);
        put(h, SENT, Long.toString(sentAt));
        if (visibleAt > sentAt) {
            put(h, VISIBLE_AT, Long.toString(visibleAt));
        }
        if (receives > 0) {
            put(h, RECEIVES, Integer.toString(receives));
            put(h, FIRST_RECEIVE, Long.toString(firstReceiveAt));
        }
        put(h, SENDER, senderId);
        if (!attributes.isEmpty()) {
            put(h, ATTRS, json(attributes));
        }
        put(h, GROUP, groupId);
        put(h, DEDUP, deduplicationId);
        put(h, TRACE, traceHeader);
        put(h, SOURCE, sourceQueue);
        byte[] key = (groupId != null ? groupId : messageId).getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(topic, partition, key, body.getBytes(StandardCharsets.UTF_8), h);
    }

    /** Reads a record of a queue topic; a record some other producer wrote (no headers) is a plain message. */
    static QueueRecord from(ConsumerRecord<byte[], byte[]> r) {
        Headers h = r.headers();
        String body = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
        String id = text(h, ID);
        long sent = number(h, SENT, r.timestamp());
        String attrs = text(h, ATTRS);
        return new QueueRecord(id != null ? id : UUID.nameUUIDFromBytes((r.topic() + "/" + r.partition() + "/"
                + r.offset()).getBytes(StandardCharsets.UTF_8)).toString(), body,
                attrs == null ? Map.of() : attributes(attrs), md5Hex(body), text(h, SENDER), sent,
                number(h, VISIBLE_AT, sent), (int) number(h, RECEIVES, 0), number(h, FIRST_RECEIVE, 0), text(h, GROUP),
                text(h, DEDUP), text(h, TRACE), text(h, SOURCE));
    }

    private static void put(Headers h, String name, String value) {
        if (value != null) {
            h.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String text(Headers h, String name) {
        Header header = h.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static long number(Headers h, String name, long otherwise) {
        String t = text(h, name);
        try {
            return t == null ? otherwise : Long.parseLong(t);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String json(Map<String, MessageAttribute> attributes) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(attributes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write message attributes", e);
        }
    }

    private static Map<String, MessageAttribute> attributes(String json) {
        try {
            return JSON.readValue(json, ATTRIBUTES);
        } catch (JsonProcessingException e) {
            return Map.of(); // a foreign header of that name: the body still arrives
        }
    }

    static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }

    /** What the record counts against a receive's byte budget, as the SQLite store counts it. */
    long budgetBytes() {
        return body.getBytes(StandardCharsets.UTF_8).length + (attributes.isEmpty() ? 2 : json(attributes).length()) + 512;
    }
}
