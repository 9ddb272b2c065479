package dev.localfaas.runtime.trigger.queue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message to send, checked against the SQS limits: a non-empty body of at most {@link #MAX_BYTES} bytes (body and
 * attributes together), a delay of 0 to 15 minutes, at most 10 attributes.
 *
 * @param senderId        what the consumer sees as the {@code SenderId} attribute
 * @param groupId         a FIFO queue's message group (messages of one group are received in order, one batch at a
 *                        time), or null on a standard queue
 * @param deduplicationId a FIFO queue's deduplication id: a second message with it within 5 minutes is not stored,
 *                        or null
 * @param traceHeader     the X-Ray header of the sender ({@code AWSTraceHeader}, what the consumer's invocation
 *                        continues), or null
 */
public record OutgoingMessage(String body, Map<String, MessageAttribute> attributes, Duration delay, String senderId,
                              String groupId, String deduplicationId, String traceHeader) {

    /** SQS's maximum message size since 2025 (1 MiB). */
    public static final int MAX_BYTES = 1_048_576;
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    public static final String LOCAL_SENDER = "AIDALOCALFAASSENDER00";

    public OutgoingMessage {
        if (body == null || body.isEmpty()) {
            throw new QueueRequestException("message body is empty; send at least one character");
        }
        attributes = Map.copyOf(new LinkedHashMap<>(attributes));
        if (attributes.size() > 10) {
            throw new QueueRequestException("message has " + attributes.size() + " attributes; SQS allows at most 10");
        }
        long size = body.getBytes(StandardCharsets.UTF_8).length;
        for (Map.Entry<String, MessageAttribute> a : attributes.entrySet()) {
            MessageAttribute v = a.getValue();
            size += a.getKey().length() + v.dataType().length()
                    + (v.isBinary() ? v.binaryValue().length() * 3L / 4 : v.stringValue().length());
        }
        if (size > MAX_BYTES) {
            throw new QueueRequestException("message is " + size + " bytes; SQS allows at most " + MAX_BYTES
                    + " bytes (body and attributes), so store large payloads elsewhere and send a reference");
        }
        if (delay == null || delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new QueueRequestException("delay " + delay + " is out of range; use 0 to 900 seconds");
        }
        if (senderId == null || senderId.isBlank()) {
            senderId = LOCAL_SENDER;
        }
    }

    public OutgoingMessage(String body, Map<String, MessageAttribute> attributes, Duration delay, String senderId) {
        this(body, attributes, delay, senderId, null, null, null);
    }

    public OutgoingMessage(String body, Map<String, MessageAttribute> attributes, Duration delay, String senderId,
                           String groupId, String deduplicationId) {
        this(body, attributes, delay, senderId, groupId, deduplicationId, null);
    }

    /** This message, carrying the sender's X-Ray trace header (the SQS system attribute {@code AWSTraceHeader}). */
    public OutgoingMessage withTraceHeader(String traceHeader) {
        return new OutgoingMessage(body, attributes, delay, senderId, groupId, deduplicationId, traceHeader);
    }

    public static OutgoingMessage of(String body) {
        return new OutgoingMessage(body, Map.of(), Duration.ZERO, LOCAL_SENDER);
    }

    public OutgoingMessage withAttributes(Map<String, MessageAttribute> attributes) {
        return new OutgoingMessage(body, attributes, delay, senderId, groupId, deduplicationId, traceHeader);
    }

    public OutgoingMessage withDelay(Duration delay) {
        return new OutgoingMessage(body, attributes, delay, senderId, groupId, deduplicationId, traceHeader);
    }

    /** For a FIFO queue: the message group and deduplication id. */
    public OutgoingMessage inGroup(String groupId, String deduplicationId) {
        return new OutgoingMessage(body, attributes, delay, senderId, groupId, deduplicationId, traceHeader);
    }
}
