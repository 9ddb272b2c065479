package dev.localfaas.runtime.trigger.bus;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.localfaas.runtime.trigger.bus.RuleSpec.RuleTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a rule target receives: the event, the part {@code InputPath} selects, or the {@code InputTemplate} of an
 * input transformer with its {@code <name>} placeholders filled. As in EventBridge, a placeholder inside a JSON string
 * of the template takes the value's text; anywhere else it takes the value as JSON. The predefined
 * {@code <aws.events.rule-name>}, {@code <aws.events.rule-arn>} and {@code <aws.events.event.json>} are known.
 */
final class TargetInput {

    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z0-9_.-]+)>");

    private final JsonPath inputPath;
    private final Map<String, JsonPath> paths;
    private final String template;

    private TargetInput(JsonPath inputPath, Map<String, JsonPath> paths, String template) {
        this.inputPath = inputPath;
        this.paths = paths;
        this.template = template;
    }

    /** @throws BusRequestException for a malformed path, both shapings at once, or an unknown placeholder */
    static TargetInput of(RuleTarget target) {
        if (target.inputPath() != null && target.inputTransformer() != null) {
            throw new BusRequestException("target " + target.target() + " has both InputPath and InputTransformer;"
                    + " give one of them");
        }
        if (target.inputTransformer() != null) {
            Map<String, JsonPath> paths = new LinkedHashMap<>();
            target.inputTransformer().inputPathsMap().forEach((name, path) -> paths.put(name, JsonPath.parse(path)));
            String template = target.inputTransformer().inputTemplate();
            Matcher m = PLACEHOLDER.matcher(template == null ? "" : template);
            while (m.find()) {
                if (!paths.containsKey(m.group(1)) && !m.group(1).startsWith("aws.events.")) {
                    throw new BusRequestException("InputTemplate of target " + target.target() + " uses <" + m.group(1)
                            + ">, which InputPathsMap does not define; add \"" + m.group(1) + "\": \"$.detail...\"");
                }
            }
            return new TargetInput(null, paths, template);
        }
        return new TargetInput(target.inputPath() == null ? null : JsonPath.parse(target.inputPath()), Map.of(), null);
    }

    /** The target's input for one event, as text. */
    String render(JsonNode event, String ruleName, String ruleArn) {
        if (template != null) {
            return fill(event, ruleName, ruleArn);
        }
        if (inputPath != null) {
            JsonNode selected = inputPath.select(event);
            return selected.isMissingNode() ? "null" : selected.toString();
        }
        return event.toString();
    }

    private String fill(JsonNode event, String ruleName, String ruleArn) {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && inString && i + 1 < template.length()) {
                out.append(c).append(template.charAt(++i));
                continue;
            }
            if (c == '"') {
                inString = !inString;
            }
            Matcher m = c == '<' ? PLACEHOLDER.matcher(template).region(i, template.length()) : null;
            if (m != null && m.lookingAt()) {
                JsonNode value = value(m.group(1), event, ruleName, ruleArn);
                out.append(inString ? new String(JsonStringEncoder.getInstance().quoteAsString(
                        value.isTextual() ? value.asText() : value.isMissingNode() ? "" : value.toString()))
                        : value.isMissingNode() ? "null" : value.toString());
                i = m.end() - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private JsonNode value(String name, JsonNode event, String ruleName, String ruleArn) {
        return switch (name) {
            case "aws.events.rule-name" -> JsonNodeFactory.instance.textNode(ruleName);
            case "aws.events.rule-arn" -> JsonNodeFactory.instance.textNode(ruleArn);
            case "aws.events.event.json", "aws.events.event" -> event;
            default -> paths.containsKey(name) ? paths.get(name).select(event) : MissingNode.getInstance();
        };
    }
}
