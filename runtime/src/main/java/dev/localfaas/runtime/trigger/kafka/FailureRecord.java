package dev.localfaas.runtime.trigger.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.function.KafkaTriggerSpec;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The invocation record Lambda sends to a Kafka mapping's on-failure destination: {@code requestContext},
 * {@code responseContext} and {@code KafkaBatchInfo} with the first and last offset of each partition. Lambda puts the
 * records themselves only into an S3 destination; localfaas adds them as {@code payload} (the event the function got)
 * so that a failed batch can be read and replayed from the local queue, unless they exceed {@link #PAYLOAD_LIMIT}.
 */
final class FailureRecord {

    static final int PAYLOAD_LIMIT = 200 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaTriggerSpec spec;
    private final String functionArn;
    private final String servers;
    private final String group;
    private final KafkaEventEncoder encoder;

    FailureRecord(KafkaTriggerSpec spec, String functionArn, String servers, String group, KafkaEventEncoder encoder) {
        this.spec = spec;
        this.functionArn = functionArn;
        this.servers = servers;
        this.group = group;
        this.encoder = encoder;
    }

    String json(List<ConsumerRecord<byte[], byte[]>> batch, int invokes, String condition, InvocationResult result) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode request = root.putObject("requestContext");
        request.put("requestId", result == null ? UUID.randomUUID().toString() : result.requestId());
        request.put("functionArn", functionArn);
        request.put("condition", condition);
        request.put("approximateInvokeCount", invokes);
        ObjectNode response = root.putObject("responseContext");
        response.put("statusCode", 200);
        response.put("executedVersion", result == null ? "$LATEST" : result.version());
        response.put("functionError", result == null ? "Unhandled" : result.errorType() == null ? "Unhandled"
                : result.errorType());
        root.put("version", "1.0");
        root.put("timestamp", Instant.now().toString());
        byte[] payload = encoder.encode(batch);
        ObjectNode info = root.putObject("KafkaBatchInfo");
        info.put("batchSize", batch.size());
        if (!spec.clusterArn().isBlank()) {
            info.put("eventSourceArn", spec.clusterArn());
        }
        info.put("bootstrapServers", servers);
        info.put("consumerGroupId", group);
        info.put("payloadSize", payload.length);
        ObjectNode partitions = info.putObject("recordsInfo");
        for (ConsumerRecord<byte[], byte[]> r : batch) {
            String key = r.topic() + "-" + r.partition();
            ObjectNode p = partitions.has(key) ? (ObjectNode) partitions.get(key) : partitions.putObject(key);
            if (!p.has("firstRecordOffset")) {
                p.put("firstRecordOffset", String.valueOf(r.offset()));
                p.put("firstRecordTimestamp", Instant.ofEpochMilli(r.timestamp()).toString());
            }
            p.put("lastRecordOffset", String.valueOf(r.offset()));
            p.put("lastRecordTimestamp", Instant.ofEpochMilli(r.timestamp()).toString());
        }
        if (payload.length <= PAYLOAD_LIMIT) {
            try {
                root.set("payload", JSON.readTree(new String(payload, StandardCharsets.UTF_8)));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root.toString();
    }
}
