package dev.localfaas.runtime.awsapi.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.awsapi.AwsCall;
import dev.localfaas.runtime.awsapi.AwsException;
import dev.localfaas.runtime.trigger.topic.PublishRequest;
import dev.localfaas.runtime.trigger.topic.PublishResult;
import dev.localfaas.runtime.trigger.topic.TopicAttribute;
import dev.localfaas.runtime.trigger.topic.TopicInfo;
import dev.localfaas.runtime.trigger.topic.TopicRequestException;
import dev.localfaas.runtime.trigger.topic.Topics;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code Publish} and {@code PublishBatch}: the message goes to every subscription whose filter policy accepts it. */
final class SnsPublishActions {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Topics topics;
    private final SnsTopicActions topicActions;

    SnsPublishActions(Topics topics, SnsTopicActions topicActions) {
        this.topics = topics;
        this.topicActions = topicActions;
    }

    ObjectNode publish(AwsCall call) {
        if (call.text("PhoneNumber") != null) {
            throw SnsErrors.invalidParameter("PhoneNumber Reason: localfaas sends no SMS; publish to a topic");
        }
        String member = call.text("TopicArn") != null ? "TopicArn" : "TargetArn";
        TopicInfo topic = topicActions.existing(call, member);
        PublishResult result = publish(topic, (ObjectNode) call.input(), call.traceHeader());
        ObjectNode out = NODES.objectNode();
        out.put("MessageId", result.messageId());
        if (result.sequenceNumber() != null) {
            out.put("SequenceNumber", result.sequenceNumber());
        }
        return out;
    }

    ObjectNode publishBatch(AwsCall call) {
        TopicInfo topic = topicActions.existing(call, "TopicArn");
        JsonNode entries = call.input().path("PublishBatchRequestEntries");
        if (!entries.isArray() || entries.isEmpty()) {
            throw SnsErrors.emptyBatch();
        }
        if (entries.size() > 10) {
            throw SnsErrors.tooManyEntries(entries.size());
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode e : entries) {
            String id = e.path("Id").asText("");
            if (!id.matches("[A-Za-z0-9_-]{1,80}")) {
                throw SnsErrors.invalidBatchEntryId(id);
            }
            if (!ids.add(id)) {
                throw SnsErrors.idsNotDistinct(id);
            }
        }
        ObjectNode out = NODES.objectNode();
        ArrayNode ok = out.putArray("Successful");
        ArrayNode failed = out.putArray("Failed");
        for (JsonNode e : entries) {
            try {
                PublishResult r = publish(topic, (ObjectNode) e, call.traceHeader());
                ObjectNode s = ok.addObject().put("Id", e.get("Id").asText()).put("MessageId", r.messageId());
                if (r.sequenceNumber() != null) {
                    s.put("SequenceNumber", r.sequenceNumber());
                }
            } catch (AwsException x) {
                failed.addObject().put("Id", e.get("Id").asText()).put("Code", x.code()).put("Message", x.getMessage())
                        .put("SenderFault", x.senderFault());
            }
        }
        return out;
    }

    /** Publishes one message; {@code traceHeader} (the caller's X-Amzn-Trace-Id) goes on to the deliveries. */
    private PublishResult publish(TopicInfo topic, ObjectNode in, String traceHeader) {
        PublishRequest request = request(in).withTraceHeader(traceHeader);
        try {
            return topics.publish(topic.name(), request);
        } catch (TopicRequestException e) {
            throw SnsErrors.invalidParameter(e.getMessage());
        }
    }

    private static PublishRequest request(JsonNode in) {
        String message = in.path("Message").asText("");
        if (message.isEmpty()) {
            throw SnsErrors.invalidParameter("Empty message");
        }
        if ("json".equals(in.path("MessageStructure").asText(null))) {
            message = defaultMessage(message);
        }
        Map<String, TopicAttribute> attributes = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, JsonNode> a : (Iterable<Map.Entry<String, JsonNode>>) in.path("MessageAttributes")::fields) {
                JsonNode v = a.getValue();
                String type = v.path("DataType").asText(null);
                String value = "Binary".equals(type) ? v.path("BinaryValue").asText(null) : v.path("StringValue").asText(null);
                attributes.put(a.getKey(), new TopicAttribute(type, value));
            }
        } catch (TopicRequestException e) {
            throw new AwsException("ParameterValueInvalid", "ParameterValueInvalid", 400, true,
                    "Invalid parameter: MessageAttributes Reason: " + e.getMessage());
        }
        try {
            return new PublishRequest(message, in.path("Subject").asText(null), attributes,
                    in.path("MessageGroupId").asText(null), in.path("MessageDeduplicationId").asText(null));
        } catch (TopicRequestException e) {
            throw SnsErrors.invalidParameter(e.getMessage());
        }
    }

    /**
     * {@code MessageStructure=json}: the message is a JSON object with a message per protocol and a {@code default};
     * every subscriber here gets the {@code default} one (docs/aws-apis.md says so).
     */
    private static String defaultMessage(String message) {
        try {
            JsonNode tree = JSON.readTree(message);
            if (tree != null && tree.path("default").isTextual()) {
                return tree.get("default").asText();
            }
        } catch (IOException e) {
            throw SnsErrors.invalidParameter("Message Structure - JSON message body failed to parse");
        }
        throw SnsErrors.invalidParameter("Message Structure - No default entry in JSON message body");
    }
}
