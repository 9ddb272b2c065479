package dev.localfaas.runtime.trigger.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.function.KafkaTriggerSpec;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Lambda's Kafka event: {@code eventSource} ({@code SelfManagedKafka} or {@code aws:kafka} with the cluster's
 * {@code eventSourceArn}), {@code bootstrapServers}, and {@code records} keyed {@code topic-partition}, each record with
 * its topic, partition, offset, timestamp, timestampType, base64 key and value, and headers as arrays of byte values.
 * The {@code KafkaEvent} class of aws-lambda-java-events reads it.
 */
final class KafkaEventEncoder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final KafkaTriggerSpec spec;
    private final String bootstrapServers;

    KafkaEventEncoder(KafkaTriggerSpec spec, String bootstrapServers) {
        this.spec = spec;
        this.bootstrapServers = bootstrapServers;
    }

    /** The event for a batch; records of one partition keep their order. */
    byte[] encode(List<ConsumerRecord<byte[], byte[]>> batch) {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventSource", spec.eventSource());
        if (!spec.clusterArn().isBlank()) {
            event.put("eventSourceArn", spec.clusterArn());
        }
        event.put("bootstrapServers", bootstrapServers);
        ObjectNode records = event.putObject("records");
        for (ConsumerRecord<byte[], byte[]> r : batch) {
            String key = r.topic() + "-" + r.partition();
            ArrayNode partition = records.has(key) ? (ArrayNode) records.get(key) : records.putArray(key);
            partition.add(record(r));
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode record(ConsumerRecord<byte[], byte[]> r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("topic", r.topic());
        o.put("partition", r.partition());
        o.put("offset", r.offset());
        o.put("timestamp", r.timestamp());
        o.put("timestampType", r.timestampType().name());
        if (r.key() != null) {
            o.put("key", BASE64.encodeToString(r.key()));
        }
        if (r.value() != null) {
            o.put("value", BASE64.encodeToString(r.value()));
        }
        ArrayNode headers = o.putArray("headers");
        for (Header h : r.headers()) {
            ArrayNode bytes = headers.addObject().putArray(h.key());
            if (h.value() != null) {
                for (byte b : h.value()) {
                    bytes.add(b);
                }
            }
        }
        return o;
    }
}
