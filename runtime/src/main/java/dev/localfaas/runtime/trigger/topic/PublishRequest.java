package dev.localfaas.runtime.trigger.topic;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code Publish}: checked against the SNS limits (a non-empty message of at most 256 KiB with its attributes, a
 * subject of at most 100 characters, at most 10 attributes).
 *
 * @param groupId          {@code MessageGroupId}, required by a FIFO topic, refused by a standard one
 * @param deduplicationId  {@code MessageDeduplicationId} of a FIFO topic, or null
 * @param traceHeader      the publisher's X-Ray trace header, carried to every copy (a queue's {@code AWSTraceHeader},
 *                         a function subscriber's trace), or null
 */
public record PublishRequest(String message, String subject, Map<String, TopicAttribute> attributes, String groupId,
                             String deduplicationId, String traceHeader) {

    public static final int MAX_BYTES = 262_144;

    public PublishRequest {
        if (message == null || message.isEmpty()) {
            throw new TopicRequestException("message is empty; publish at least one character");
        }
        attributes = Map.copyOf(new LinkedHashMap<>(attributes == null ? Map.of() : attributes));
        if (attributes.size() > 10) {
            throw new TopicRequestException("message has " + attributes.size() + " attributes; SNS allows at most 10");
        }
        long size = message.getBytes(StandardCharsets.UTF_8).length;
        for (Map.Entry<String, TopicAttribute> a : attributes.entrySet()) {
            size += a.getKey().length() + a.getValue().type().length() + a.getValue().value().length();
        }
        if (size > MAX_BYTES) {
            throw new TopicRequestException("message is " + size + " bytes; SNS allows at most " + MAX_BYTES
                    + " bytes (message and attributes), so store large payloads elsewhere and publish a reference");
        }
        if (subject != null && (subject.isEmpty() || subject.length() > 100 || subject.chars().anyMatch(c -> c < 0x20))) {
            throw new TopicRequestException("subject must be 1 to 100 printable characters on one line");
        }
    }

    public PublishRequest(String message, String subject, Map<String, TopicAttribute> attributes, String groupId,
                          String deduplicationId) {
        this(message, subject, attributes, groupId, deduplicationId, null);
    }

    public static PublishRequest of(String message) {
        return new PublishRequest(message, null, Map.of(), null, null);
    }

    public PublishRequest withTraceHeader(String traceHeader) {
        return new PublishRequest(message, subject, attributes, groupId, deduplicationId, traceHeader);
    }

    public PublishRequest withAttributes(Map<String, TopicAttribute> attributes) {
        return new PublishRequest(message, subject, attributes, groupId, deduplicationId, traceHeader);
    }

    public PublishRequest withSubject(String subject) {
        return new PublishRequest(message, subject, attributes, groupId, deduplicationId, traceHeader);
    }

    public PublishRequest withGroup(String groupId, String deduplicationId) {
        return new PublishRequest(message, subject, attributes, groupId, deduplicationId, traceHeader);
    }
}
