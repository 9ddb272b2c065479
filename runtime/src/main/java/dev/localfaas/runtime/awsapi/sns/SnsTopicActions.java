package dev.localfaas.runtime.awsapi.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.awsapi.AwsCall;
import dev.localfaas.runtime.trigger.topic.TopicInfo;
import dev.localfaas.runtime.trigger.topic.TopicRequestException;
import dev.localfaas.runtime.trigger.topic.TopicSpec;
import dev.localfaas.runtime.trigger.topic.Topics;
import java.util.List;
import java.util.Set;

/** SNS's topic actions over the topics of {@code faas run}: create, list, attributes, delete. */
final class SnsTopicActions {
    static final int PAGE = 100;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Attributes SNS knows; localfaas keeps FifoTopic and ContentBasedDeduplication and accepts the others. */
    private static final Set<String> KNOWN = Set.of("FifoTopic", "ContentBasedDeduplication", "DisplayName", "Policy",
            "DeliveryPolicy", "KmsMasterKeyId", "SignatureVersion", "TracingConfig", "ArchivePolicy",
            "FifoThroughputScope", "DataProtectionPolicy");

    private final Topics topics;
    private final SnsArns arns;

    SnsTopicActions(Topics topics, SnsArns arns) {
        this.topics = topics;
        this.arns = arns;
    }

    /** The topic a call's {@code member} names; NotFound when there is no such topic. */
    TopicInfo existing(AwsCall call, String member) {
        String name = SnsArns.topicOf(call.text(member), member);
        return topics.find(name).orElseThrow(() -> SnsErrors.notFound("Topic"));
    }

    ObjectNode create(AwsCall call) {
        String name = call.text("Name");
        if (name == null || name.isEmpty()) {
            throw SnsErrors.invalidParameter("Topic Name");
        }
        JsonNode attributes = call.input().path("Attributes");
        attributes.fieldNames().forEachRemaining(a -> {
            if (!KNOWN.contains(a)) {
                throw SnsErrors.invalidParameter("Attributes Reason: Unknown attribute " + a);
            }
        });
        boolean fifo = attributes.path("FifoTopic").asText("false").equalsIgnoreCase("true");
        boolean dedup = attributes.path("ContentBasedDeduplication").asText("false").equalsIgnoreCase("true");
        if (fifo != name.endsWith(".fifo")) {
            throw SnsErrors.invalidParameter("Topic Name Reason: a FIFO topic's name ends in .fifo and it is created"
                    + " with the attribute FifoTopic=true; a standard topic has neither");
        }
        if (dedup && !fifo) {
            throw SnsErrors.invalidParameter("Attributes Reason: ContentBasedDeduplication is for FIFO topics only");
        }
        TopicSpec spec;
        try {
            spec = new TopicSpec(name, dedup);
        } catch (TopicRequestException e) {
            throw SnsErrors.invalidParameter("Topic Name Reason: " + e.getMessage());
        }
        topics.find(name).ifPresent(t -> {
            if (attributes.has("ContentBasedDeduplication") && t.contentBasedDeduplication() != dedup) {
                throw SnsErrors.invalidParameter("Attributes Reason: Topic already exists with different attributes");
            }
        });
        ObjectNode out = NODES.objectNode();
        out.put("TopicArn", topics.create(spec).arn());
        return out;
    }

    ObjectNode list(AwsCall call) {
        List<TopicInfo> all = topics.list();
        int from = page(call.text("NextToken"));
        ObjectNode out = NODES.objectNode();
        ArrayNode list = out.putArray("Topics");
        all.stream().skip(from).limit(PAGE).forEach(t -> list.addObject().put("TopicArn", t.arn()));
        if (from + PAGE < all.size()) {
            out.put("NextToken", Integer.toString(from + PAGE));
        }
        return out;
    }

    ObjectNode getAttributes(AwsCall call) {
        TopicInfo topic = existing(call, "TopicArn");
        ObjectNode out = NODES.objectNode();
        ObjectNode a = out.putObject("Attributes");
        a.put("TopicArn", topic.arn());
        a.put("Owner", arns.account());
        a.put("DisplayName", "");
        a.put("SubscriptionsConfirmed", Integer.toString(topic.subscriptions().size()));
        a.put("SubscriptionsPending", "0");
        a.put("SubscriptionsDeleted", "0");
        if (topic.fifo()) {
            a.put("FifoTopic", "true");
            a.put("ContentBasedDeduplication", Boolean.toString(topic.contentBasedDeduplication()));
        }
        return out;
    }

    /** Deleting a topic that does not exist is not an error, as on SNS. */
    ObjectNode delete(AwsCall call) {
        topics.delete(SnsArns.topicOf(call.text("TopicArn"), "TopicArn"));
        return null;
    }

    /** A {@code NextToken}: the index of the next item; InvalidParameter for anything else. */
    static int page(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(token));
        } catch (NumberFormatException e) {
            throw SnsErrors.invalidParameter("NextToken");
        }
    }
}
