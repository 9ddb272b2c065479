package dev.localfaas.runtime.trigger.topic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.trigger.queue.MessageAttribute;
import dev.localfaas.runtime.trigger.queue.OutgoingMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON a subscriber receives, as SNS writes it. A function gets the Lambda event ({@code Records[].Sns}, with
 * {@code SigningCertUrl} and {@code UnsubscribeUrl}); a queue gets the notification envelope ({@code SigningCertURL},
 * {@code UnsubscribeURL}, {@code Subject} and {@code MessageAttributes} only when present), or with raw delivery the
 * message itself and its attributes as SQS message attributes.
 *
 * <p>The signature fields are there with the shape SNS gives them, but nothing is signed: there is no certificate
 * to verify against locally (docs/events.md says so).
 */
final class SnsMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String region;

    SnsMessages(String region) {
        this.region = region;
    }

    byte[] lambdaEvent(PublishedMessage m, String subscriptionArn) {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("EventVersion", "1.0");
        record.put("EventSubscriptionArn", subscriptionArn);
        record.put("EventSource", "aws:sns");
        ObjectNode sns = record.putObject("Sns");
        sns.put("SignatureVersion", "1");
        sns.put("Timestamp", timestamp(m));
        sns.put("Signature", signature(m));
        sns.put("SigningCertUrl", signingCertUrl());
        sns.put("MessageId", m.messageId());
        sns.put("Message", m.message());
        sns.set("MessageAttributes", attributes(m));
        sns.put("Type", "Notification");
        sns.put("UnsubscribeUrl", unsubscribeUrl(subscriptionArn));
        sns.put("TopicArn", m.topicArn());
        sns.put("Subject", m.request().subject());
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    OutgoingMessage queueMessage(PublishedMessage m, String subscriptionArn, boolean raw) {
        if (raw) {
            Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
            m.attributes().forEach((name, a) -> attributes.put(name, switch (a.type()) {
                case "Number" -> MessageAttribute.number(a.value());
                case "Binary" -> new MessageAttribute("Binary", null, a.value());
                default -> MessageAttribute.string(a.value());
            }));
            return OutgoingMessage.of(m.message()).withAttributes(attributes);
        }
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("Type", "Notification");
        envelope.put("MessageId", m.messageId());
        if (m.sequenceNumber() != null) {
            envelope.put("SequenceNumber", m.sequenceNumber());
        }
        envelope.put("TopicArn", m.topicArn());
        if (m.request().subject() != null) {
            envelope.put("Subject", m.request().subject());
        }
        envelope.put("Message", m.message());
        envelope.put("Timestamp", timestamp(m));
        envelope.put("SignatureVersion", "1");
        envelope.put("Signature", signature(m));
        envelope.put("SigningCertURL", signingCertUrl());
        envelope.put("UnsubscribeURL", unsubscribeUrl(subscriptionArn));
        if (!m.attributes().isEmpty()) {
            envelope.set("MessageAttributes", attributes(m));
        }
        return OutgoingMessage.of(envelope.toString());
    }

    private static ObjectNode attributes(PublishedMessage m) {
        ObjectNode attributes = JSON.createObjectNode();
        m.attributes().forEach((name, a) -> attributes.putObject(name).put("Type", a.type()).put("Value", a.value()));
        return attributes;
    }

    private static String timestamp(PublishedMessage m) {
        return m.timestamp().truncatedTo(ChronoUnit.MILLIS).toString().replaceFirst("(\\d{2}:\\d{2}:\\d{2})Z$", "$1.000Z");
    }

    /** Base64 of a digest of the message: the shape of an SNS signature, verifiable by nothing. */
    private static String signature(PublishedMessage m) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((m.messageId() + "\n" + m.message())
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private String signingCertUrl() {
        return "https://sns." + region + ".amazonaws.com/SimpleNotificationService-localfaas.pem";
    }

    private String unsubscribeUrl(String subscriptionArn) {
        return "https://sns." + region + ".amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + subscriptionArn;
    }
}
