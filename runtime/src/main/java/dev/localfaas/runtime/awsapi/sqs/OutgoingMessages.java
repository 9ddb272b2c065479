package dev.localfaas.runtime.awsapi.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localfaas.runtime.awsapi.AwsException;
import dev.localfaas.runtime.awsapi.Numbers;
import dev.localfaas.runtime.trigger.queue.MessageAttribute;
import dev.localfaas.runtime.trigger.queue.OutgoingMessage;
import dev.localfaas.runtime.trigger.queue.QueueRequestException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** A SendMessage request (or batch entry) checked as SQS checks it, made into a message for the store. */
final class OutgoingMessages {
    private OutgoingMessages() {
    }

    /**
     * @param queueAttributes the queue's attributes in force (delay, maximum size, FIFO settings)
     * @param callTrace       the call's {@code X-Amzn-Trace-Id}: the message's {@code AWSTraceHeader} unless the entry
     *                        sets that system attribute itself
     */
    static OutgoingMessage of(JsonNode entry, String queue, Map<String, String> queueAttributes, String callTrace) {
        return withoutTrace(entry, queue, queueAttributes).withTraceHeader(traceHeader(entry, callTrace));
    }

    private static String traceHeader(JsonNode entry, String callTrace) {
        JsonNode system = entry.path("MessageSystemAttributes").path("AWSTraceHeader").path("StringValue");
        return system.isTextual() && !system.asText().isBlank() ? system.asText() : callTrace;
    }

    private static OutgoingMessage withoutTrace(JsonNode entry, String queue, Map<String, String> queueAttributes) {
        JsonNode bodyNode = entry.get("MessageBody");
        String body = bodyNode == null || bodyNode.isNull() ? "" : bodyNode.asText();
        if (body.isEmpty()) {
            throw AwsException.sender("MissingParameter", "The request must contain the parameter MessageBody.");
        }
        if (!validCharacters(body)) {
            throw SqsErrors.invalidMessageContents();
        }
        Map<String, MessageAttribute> attributes = attributes(entry.get("MessageAttributes"));
        int maxSize = Integer.parseInt(queueAttributes.getOrDefault("MaximumMessageSize", "1048576"));
        long size = body.getBytes(StandardCharsets.UTF_8).length + attributeBytes(attributes);
        if (size > maxSize) {
            throw SqsErrors.invalidParameter("One or more parameters are invalid. Reason: Message must be shorter than "
                    + maxSize + " bytes.");
        }
        boolean fifo = "true".equals(queueAttributes.get("FifoQueue"));
        int queueDelay = Integer.parseInt(queueAttributes.getOrDefault("DelaySeconds", "0"));
        JsonNode delayNode = entry.get("DelaySeconds");
        if (fifo && delayNode != null && !delayNode.isNull()) {
            throw SqsErrors.invalidParameter("Value " + delayNode.asText() + " for parameter DelaySeconds is invalid."
                    + " Reason: The request include parameter that is not valid for this queue type.");
        }
        int delay = Numbers.inRange(Numbers.integer(delayNode, "DelaySeconds", queueDelay), 0, 900, "DelaySeconds");
        String group = text(entry, "MessageGroupId");
        String dedup = text(entry, "MessageDeduplicationId");
        OutgoingMessage message;
        try {
            message = new OutgoingMessage(body, attributes, Duration.ofSeconds(delay), OutgoingMessage.LOCAL_SENDER);
        } catch (QueueRequestException e) {
            throw SqsErrors.invalidParameter(e.getMessage());
        }
        if (!fifo) {
            if (dedup != null) {
                throw SqsErrors.invalidParameter("Value " + dedup + " for parameter MessageDeduplicationId is invalid."
                        + " Reason: The request include parameter that is not valid for this queue type.");
            }
            return message; // a MessageGroupId on a standard queue is accepted and has no ordering effect
        }
        if (group == null) {
            throw AwsException.sender("MissingParameter", "The request must contain the parameter MessageGroupId.");
        }
        if (dedup == null) {
            if (!"true".equals(queueAttributes.get("ContentBasedDeduplication"))) {
                throw SqsErrors.invalidParameter("The queue should either have ContentBasedDeduplication enabled or"
                        + " MessageDeduplicationId provided explicitly");
            }
            dedup = sha256(body);
        }
        if ("messageGroup".equals(queueAttributes.get("DeduplicationScope"))) {
            dedup = group + "\u0000" + dedup; // deduplicated within the group only
        }
        return message.inGroup(group, dedup);
    }

    private static String text(JsonNode entry, String member) {
        JsonNode n = entry.get(member);
        return n == null || n.isNull() || n.asText().isEmpty() ? null : n.asText();
    }

    static Map<String, MessageAttribute> attributes(JsonNode map) {
        Map<String, MessageAttribute> out = new LinkedHashMap<>();
        if (map == null || !map.isObject()) {
            return out;
        }
        map.fields().forEachRemaining(e -> {
            String name = e.getKey();
            JsonNode v = e.getValue();
            String type = v.path("DataType").asText("");
            if (type.isEmpty()) {
                throw SqsErrors.invalidParameter("The message attribute '" + name
                        + "' must contain non-empty message attribute type.");
            }
            String string = v.hasNonNull("StringValue") ? v.get("StringValue").asText() : null;
            String binary = v.hasNonNull("BinaryValue") ? v.get("BinaryValue").asText() : null;
            if (type.startsWith("Number") && string != null) {
                try {
                    new BigDecimal(string.trim());
                } catch (NumberFormatException ex) {
                    throw SqsErrors.invalidParameter("Could not cast message attribute '" + name + "' value to number.");
                }
            }
            try {
                out.put(name, new MessageAttribute(type, string, binary));
            } catch (QueueRequestException ex) {
                throw SqsErrors.invalidParameter("The message attribute '" + name + "': " + ex.getMessage());
            }
        });
        return out;
    }

    private static long attributeBytes(Map<String, MessageAttribute> attributes) {
        long size = 0;
        for (Map.Entry<String, MessageAttribute> a : attributes.entrySet()) {
            MessageAttribute v = a.getValue();
            size += a.getKey().length() + v.dataType().length()
                    + (v.isBinary() ? v.binaryValue().length() * 3L / 4 : v.stringValue().length());
        }
        return size;
    }

    /** The characters SQS accepts in a body: #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD | #x10000-#x10FFFF. */
    static boolean validCharacters(String body) {
        for (int i = 0; i < body.length(); ) {
            int c = body.codePointAt(i);
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            if (!ok) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
