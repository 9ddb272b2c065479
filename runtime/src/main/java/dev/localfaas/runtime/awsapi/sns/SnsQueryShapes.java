package dev.localfaas.runtime.awsapi.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.awsapi.QueryShapes;
import java.util.List;

/**
 * SNS's query protocol: maps come as {@code Attributes.entry.N.key/value} (message attributes as
 * {@code MessageAttributes.entry.N.Name} and {@code .Value.DataType/StringValue/BinaryValue}), lists as
 * {@code member.N}; answers write maps as {@code <Attributes><entry><key/><value/></entry></Attributes>}.
 */
final class SnsQueryShapes implements QueryShapes {
    static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public Rule rule(String action, String member) {
        return member.equals("Attributes") ? Rule.wrappedMap("entry", "key", "value") : null;
    }

    /** Query parameters (a tree) to plain members: maps as objects, lists as arrays. */
    static ObjectNode fromQuery(ObjectNode p) {
        entries(p, "Attributes", "key", "value");
        entries(p, "MessageAttributes", "Name", "Value");
        members(p, "Tags");
        members(p, "PublishBatchRequestEntries");
        JsonNode batch = p.get("PublishBatchRequestEntries");
        if (batch instanceof ArrayNode array) {
            array.forEach(e -> {
                if (e instanceof ObjectNode entry) {
                    entries(entry, "MessageAttributes", "Name", "Value");
                }
            });
        }
        return p;
    }

    /** {@code {"entry": [{key: k, value: v}, ..]}} to {@code {k: v, ..}}. */
    private static void entries(ObjectNode node, String member, String keyName, String valueName) {
        JsonNode map = node.get(member);
        if (map == null || !map.has("entry")) {
            return;
        }
        JsonNode entries = map.get("entry");
        ObjectNode out = NODES.objectNode();
        for (JsonNode e : entries.isArray() ? entries : NODES.arrayNode().add(entries)) {
            if (e.has(keyName)) {
                out.set(e.get(keyName).asText(), e.has(valueName) ? e.get(valueName) : NODES.textNode(""));
            }
        }
        node.set(member, out);
    }

    /** {@code {"member": [..]}} to {@code [..]}. */
    private static void members(ObjectNode node, String member) {
        JsonNode list = node.get(member);
        if (list == null || !list.has("member")) {
            return;
        }
        JsonNode items = list.get("member");
        node.set(member, items.isArray() ? items : NODES.arrayNode().addAll(List.of(items)));
    }
}
