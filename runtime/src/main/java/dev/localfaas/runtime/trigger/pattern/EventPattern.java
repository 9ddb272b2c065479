package dev.localfaas.runtime.trigger.pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One compiled SNS filter policy or EventBridge event pattern; {@link #matches} is thread-safe.
 *
 * <pre>{@code
 * EventPattern p = EventPattern.compile("{\"price_usd\": [{\"numeric\": [\">\", 100]}]}",
 *         PatternGrammar.SNS_MESSAGE_ATTRIBUTES);
 * p.matches(json.readTree("{\"price_usd\": 150}"));   // true
 * }</pre>
 *
 * Message attributes are matched as a flat JSON object ({@link com.fasterxml.jackson.databind.node.ObjectNode}) of
 * name to value: a {@code String} attribute as a string, a {@code Number} as a number, the {@code .Array} types as
 * arrays (the topic builds it); SNS ignores {@code Binary} attributes.
 */
public final class EventPattern {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;
    private final PatternGrammar grammar;
    private final PatternNode.Fields root;

    private EventPattern(String source, PatternGrammar grammar, PatternNode.Fields root) {
        this.source = source;
        this.grammar = grammar;
        this.root = root;
    }

    /**
     * @throws PatternException naming the key and the rule it breaks, one line
     */
    public static EventPattern compile(String json, PatternGrammar grammar) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            throw new PatternException(grammar.noun() + " is not valid JSON ("
                    + e.getOriginalMessage().lines().findFirst().orElse("malformed") + ")");
        }
        if (tree == null || !tree.isObject()) {
            throw new PatternException(grammar.noun() + " must be a JSON object, like {\"key\": [\"value\"]}");
        }
        if (tree.isEmpty() && grammar == PatternGrammar.EVENTBRIDGE) {
            throw new PatternException("event pattern is empty; match at least one field, like {\"source\": [\"orders\"]}");
        }
        PatternParser parser = new PatternParser(grammar);
        PatternNode.Fields root = parser.fields(tree, "");
        if (grammar.hasSnsQuotas()) {
            if (root.keyCount() > PatternGrammar.SNS_MAX_KEYS) {
                throw new PatternException("filter policy has " + root.keyCount() + " keys; SNS allows at most "
                        + PatternGrammar.SNS_MAX_KEYS);
            }
            if (root.combinations() > PatternGrammar.SNS_MAX_COMBINATIONS) {
                throw new PatternException("filter policy allows " + (root.combinations() == Long.MAX_VALUE ? "too many"
                        : root.combinations()) + " value combinations; SNS allows at most "
                        + PatternGrammar.SNS_MAX_COMBINATIONS + " (the product of the array sizes)");
            }
        }
        return new EventPattern(json, grammar, root);
    }

    /** Whether the document (an event, a message body, or the message attributes as an object) matches. */
    public boolean matches(JsonNode document) {
        return root.matches(document);
    }

    public String source() {
        return source;
    }

    public PatternGrammar grammar() {
        return grammar;
    }

    @Override
    public String toString() {
        return source;
    }
}
