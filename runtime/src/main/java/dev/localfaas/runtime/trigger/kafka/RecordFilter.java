package dev.localfaas.runtime.trigger.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.trigger.pattern.EventPattern;
import dev.localfaas.runtime.trigger.pattern.PatternGrammar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Lambda's filter criteria on Kafka records, with the one pattern matcher of topics and buses (EventBridge grammar):
 * a record passes when any pattern matches it. The document matched is the record as the event shows it, with
 * {@code key} and {@code value} decoded: parsed when they are JSON, else their UTF-8 text.
 */
final class RecordFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<EventPattern> patterns;

    RecordFilter(List<String> patterns) {
        this.patterns = patterns.stream().map(p -> EventPattern.compile(p, PatternGrammar.EVENTBRIDGE)).toList();
    }

    boolean passes(ConsumerRecord<byte[], byte[]> record) {
        if (patterns.isEmpty()) {
            return true;
        }
        ObjectNode document = KafkaEventEncoder.record(record);
        decode(document, "key", record.key());
        decode(document, "value", record.value());
        return patterns.stream().anyMatch(p -> p.matches(document));
    }

    private static void decode(ObjectNode document, String field, byte[] bytes) {
        if (bytes == null) {
            return;
        }
        try {
            JsonNode parsed = JSON.readTree(bytes);
            document.set(field, parsed == null ? document.textNode(new String(bytes, StandardCharsets.UTF_8)) : parsed);
        } catch (IOException e) {
            document.put(field, new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
