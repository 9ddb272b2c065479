package dev.localfaas.runtime.awsapi.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.awsapi.QueryParameters;
import dev.localfaas.runtime.awsapi.QueryShapes;
import java.util.List;

/** SQS's query protocol: parameter names to JSON members on the way in, flattened XML elements on the way out. */
final class SqsQueryShapes implements QueryShapes {
    static final String NAMESPACE = "http://queue.amazonaws.com/doc/2012-11-05/";
    private static final List<String> ENTRY_LISTS = List.of("SendMessageBatchRequestEntry",
            "DeleteMessageBatchRequestEntry", "ChangeMessageVisibilityBatchRequestEntry");

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public Rule rule(String action, String member) {
        return switch (member) {
            case "QueueUrls", "queueUrls" -> Rule.list("QueueUrl");
            case "Attributes" -> Rule.map("Attribute", "Name", "Value");
            case "MessageAttributes" -> Rule.map("MessageAttribute", "Name", "Value");
            case "Messages" -> Rule.list("Message");
            case "Successful" -> Rule.list(action + "ResultEntry");
            case "Failed" -> Rule.list("BatchResultErrorEntry");
            case "Tags" -> Rule.map("Tag", "Key", "Value");
            case "Results" -> Rule.list("ListMessageMoveTasksResultEntry");
            default -> null;
        };
    }

    /** {@code Attribute.1.Name=..} to {@code Attributes}, {@code SendMessageBatchRequestEntry.N} to {@code Entries}. */
    static ObjectNode fromQuery(ObjectNode p) {
        messageMembers(p);
        QueryParameters.listToMap(p, "Attribute", "Attributes", "Name", "Value");
        QueryParameters.listToMap(p, "Tag", "tags", "Key", "Value");
        QueryParameters.renameList(p, "AttributeName", "AttributeNames");
        QueryParameters.renameList(p, "MessageAttributeName", "MessageAttributeNames");
        QueryParameters.renameList(p, "MessageSystemAttributeName", "MessageSystemAttributeNames");
        QueryParameters.renameList(p, "TagKey", "TagKeys");
        for (String list : ENTRY_LISTS) {
            QueryParameters.renameList(p, list, "Entries");
        }
        JsonNode entries = p.get("Entries");
        if (entries instanceof ArrayNode array) {
            array.forEach(e -> {
                if (e instanceof ObjectNode entry) {
                    messageMembers(entry);
                }
            });
        }
        return p;
    }

    private static void messageMembers(ObjectNode p) {
        QueryParameters.listToMap(p, "MessageAttribute", "MessageAttributes", "Name", "Value");
        QueryParameters.listToMap(p, "MessageSystemAttribute", "MessageSystemAttributes", "Name", "Value");
    }
}
