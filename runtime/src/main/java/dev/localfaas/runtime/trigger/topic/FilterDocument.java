package dev.localfaas.runtime.trigger.topic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * What a filter policy is matched against: the message attributes as one flat object ({@code String} a string,
 * {@code Number} a number, {@code String.Array} an array; {@code Binary} left out, as SNS ignores it), or the
 * message body parsed as JSON (a body that is not a JSON object matches no MessageBody policy).
 */
public final class FilterDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FilterDocument() {
    }

    public static ObjectNode attributes(Map<String, TopicAttribute> attributes) {
        ObjectNode document = JSON.createObjectNode();
        attributes.forEach((name, a) -> {
            switch (a.type()) {
                case "String" -> document.put(name, a.value());
                case "Number" -> document.put(name, new BigDecimal(a.value().trim()));
                case "Binary" -> { }
                default -> document.set(name, array(a.value()).orElse(JSON.getNodeFactory().textNode(a.value())));
            }
        });
        return document;
    }

    /** The body as a JSON object, if it is one. */
    public static Optional<JsonNode> body(String message) {
        try {
            JsonNode tree = JSON.readTree(message);
            return tree != null && tree.isObject() ? Optional.of(tree) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Optional<JsonNode> array(String value) {
        try {
            JsonNode tree = JSON.readTree(value);
            return tree != null && tree.isArray() ? Optional.of(tree) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
