package dev.localfaas.runtime.trigger.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the JSON of a filter policy or event pattern into {@link PatternNode}s, refusing what the grammar refuses
 * with one line that names the key, what is wrong and how to write it.
 */
final class PatternParser {

    private static final Set<String> NUMERIC_OPERATORS = Set.of("=", "<", "<=", ">", ">=");
    private static final String OPERATORS = "prefix, suffix, anything-but, numeric, exists, equals-ignore-case, cidr";

    private final PatternGrammar grammar;

    PatternParser(PatternGrammar grammar) {
        this.grammar = grammar;
    }

    PatternNode.Fields fields(JsonNode object, String path) {
        Map<String, PatternNode> keys = new LinkedHashMap<>();
        List<List<PatternNode.Fields>> ors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode value = field.getValue();
            if (field.getKey().equals("$or") && isOrGroup(value)) {
                if (value.size() < 2) {
                    throw problem(key, "needs at least two alternatives, like \"$or\": [{\"a\": [\"x\"]}, {\"b\": [\"y\"]}]");
                }
                List<PatternNode.Fields> group = new ArrayList<>();
                value.forEach(branch -> group.add(fields(branch, path)));
                ors.add(group);
            } else if (value.isArray()) {
                keys.put(field.getKey(), leaf(value, key));
            } else if (value.isObject()) {
                if (!grammar.allowsNestedKeys()) {
                    throw problem(key, "is a nested object, which attribute filtering cannot match (message attributes"
                            + " are flat); list its values as \"" + field.getKey() + "\": [...], or set the"
                            + " FilterPolicyScope to MessageBody");
                }
                if (value.isEmpty()) {
                    throw problem(key, "is an empty object; give it keys or remove it");
                }
                keys.put(field.getKey(), fields(value, key));
            } else {
                throw problem(key, "must be an array of values, like \"" + field.getKey() + "\": [" + value + "]");
            }
        }
        return new PatternNode.Fields(keys, ors);
    }

    private static boolean isOrGroup(JsonNode value) {
        if (!value.isArray() || value.isEmpty()) {
            return false;
        }
        for (JsonNode branch : value) {
            if (!branch.isObject()) {
                return false;
            }
        }
        return true;
    }

    private PatternNode.Leaf leaf(JsonNode array, String key) {
        if (array.isEmpty()) {
            throw problem(key, "is an empty array; give at least one value, like [\"x\"]");
        }
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode entry : array) {
            conditions.add(condition(entry, key));
        }
        return new PatternNode.Leaf(conditions);
    }

    private Condition condition(JsonNode entry, String key) {
        if (entry.isNumber()) {
            return new Condition.Exact(number(entry, key));
        }
        if (entry.isValueNode()) {
            return new Condition.Exact(entry);
        }
        if (entry.isArray()) {
            throw problem(key, "holds an array inside its array; list the values once, like [\"a\", \"b\"]");
        }
        if (entry.size() != 1) {
            throw problem(key, "has an object with " + entry.size() + " operators; write one operator per object,"
                    + " like [{\"prefix\": \"a\"}, {\"suffix\": \"b\"}]");
        }
        Map.Entry<String, JsonNode> op = entry.fields().next();
        JsonNode v = op.getValue();
        return switch (op.getKey()) {
            case "prefix" -> v.isObject() ? new Condition.Prefix(ignoringCase(v, key, "prefix"), true)
                    : new Condition.Prefix(text(v, key, "prefix"), false);
            case "suffix" -> v.isObject() ? new Condition.Suffix(ignoringCase(v, key, "suffix"), true)
                    : new Condition.Suffix(text(v, key, "suffix"), false);
            case "equals-ignore-case" -> new Condition.EqualsIgnoreCase(text(v, key, "equals-ignore-case"));
            case "wildcard" -> wildcard(v, key);
            case "anything-but" -> anythingBut(v, key);
            case "numeric" -> numeric(v, key);
            case "exists" -> {
                if (!v.isBoolean()) {
                    throw problem(key, "exists takes true or false, like {\"exists\": true}");
                }
                yield new Condition.Exists(v.asBoolean());
            }
            case "cidr" -> Condition.Cidr.parse(text(v, key, "cidr")).orElseThrow(() -> problem(key,
                    "cidr \"" + v.asText() + "\" is not an IP address block; write one like \"10.0.0.0/24\""));
            default -> throw problem(key, "uses unknown operator \"" + op.getKey() + "\"; use one of " + OPERATORS
                    + (grammar.allowsEventBridgeOperators() ? ", wildcard" : ""));
        };
    }

    private String ignoringCase(JsonNode v, String key, String operator) {
        requireEventBridge(key, operator + " with equals-ignore-case");
        if (v.size() != 1 || !v.has("equals-ignore-case")) {
            throw problem(key, operator + " takes a string or {\"equals-ignore-case\": \"...\"}");
        }
        return text(v.get("equals-ignore-case"), key, operator);
    }

    private Condition wildcard(JsonNode v, String key) {
        requireEventBridge(key, "wildcard");
        String text = text(v, key, "wildcard");
        if (text.contains("**")) {
            throw problem(key, "wildcard \"" + text + "\" has consecutive * characters, which EventBridge refuses;"
                    + " use a single *");
        }
        return Condition.Wildcard.of(text);
    }

    private Condition anythingBut(JsonNode v, String key) {
        List<Condition> excluded = new ArrayList<>();
        if (v.isTextual() || v.isNumber()) {
            excluded.add(new Condition.Exact(v.isNumber() ? number(v, key) : v));
        } else if (v.isArray() && !v.isEmpty()) {
            boolean strings = v.get(0).isTextual();
            for (JsonNode e : v) {
                if (strings ? !e.isTextual() : !e.isNumber()) {
                    throw problem(key, "anything-but lists only strings or only numbers, like [\"a\", \"b\"] or [1, 2]");
                }
                excluded.add(new Condition.Exact(e.isNumber() ? number(e, key) : e));
            }
        } else if (v.isObject() && v.size() == 1) {
            Map.Entry<String, JsonNode> inner = v.fields().next();
            switch (inner.getKey()) {
                case "prefix" -> excluded.add(new Condition.Prefix(text(inner.getValue(), key, "anything-but prefix"), false));
                case "suffix" -> {
                    requireEventBridge(key, "anything-but with suffix");
                    excluded.add(new Condition.Suffix(text(inner.getValue(), key, "anything-but suffix"), false));
                }
                case "equals-ignore-case" -> {
                    requireEventBridge(key, "anything-but with equals-ignore-case");
                    strings(inner.getValue(), key, "equals-ignore-case").forEach(s -> excluded.add(new Condition.EqualsIgnoreCase(s)));
                }
                case "wildcard" -> {
                    requireEventBridge(key, "anything-but with wildcard");
                    strings(inner.getValue(), key, "wildcard").forEach(s -> excluded.add(Condition.Wildcard.of(s)));
                }
                default -> throw problem(key, "anything-but takes a value, a list, or {\"prefix\": \"...\"}"
                        + (grammar.allowsEventBridgeOperators() ? ", {\"suffix\": ...}, {\"equals-ignore-case\": ...}"
                        + " or {\"wildcard\": ...}" : "") + "; \"" + inner.getKey() + "\" is not one of them");
            }
        } else {
            throw problem(key, "anything-but takes a string, a number, a list of them, or {\"prefix\": \"...\"}");
        }
        return new Condition.AnythingBut(excluded);
    }

    private Condition numeric(JsonNode v, String key) {
        String usage = "numeric takes operator and number pairs, like [\">\", 0, \"<=\", 150] or [\"=\", 301.5]";
        if (!v.isArray() || v.isEmpty() || v.size() % 2 != 0 || v.size() > 4) {
            throw problem(key, usage);
        }
        List<Condition.Numeric.Bound> bounds = new ArrayList<>();
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < v.size(); i += 2) {
            String operator = v.get(i).asText();
            if (!v.get(i).isTextual() || !NUMERIC_OPERATORS.contains(operator) || !v.get(i + 1).isNumber()) {
                throw problem(key, usage);
            }
            boolean isLower = operator.startsWith(">");
            boolean isUpper = operator.startsWith("<");
            if (operator.equals("=") && v.size() > 2 || isLower && lower || isUpper && upper) {
                throw problem(key, "numeric has two bounds on the same side; give at most one lower and one upper,"
                        + " like [\">\", 0, \"<=\", 150]");
            }
            lower |= isLower;
            upper |= isUpper;
            bounds.add(new Condition.Numeric.Bound(operator, number(v.get(i + 1), key).asDouble()));
        }
        return new Condition.Numeric(bounds);
    }

    private JsonNode number(JsonNode n, String key) {
        BigDecimal value = n.decimalValue();
        if (value.abs().compareTo(BigDecimal.valueOf(PatternGrammar.NUMERIC_LIMIT)) > 0) {
            throw problem(key, n + " is out of range; numbers must lie between -1e9 and 1e9");
        }
        if (value.stripTrailingZeros().scale() > grammar.decimals()) {
            throw problem(key, n + " has more than " + grammar.decimals() + " decimal places, the precision of "
                    + (grammar == PatternGrammar.EVENTBRIDGE ? "EventBridge" : "SNS") + "; round it");
        }
        return n;
    }

    private List<String> strings(JsonNode v, String key, String operator) {
        List<String> out = new ArrayList<>();
        if (v.isArray() && !v.isEmpty()) {
            v.forEach(e -> out.add(text(e, key, operator)));
        } else {
            out.add(text(v, key, operator));
        }
        return out;
    }

    private String text(JsonNode v, String key, String operator) {
        if (!v.isTextual()) {
            throw problem(key, operator + " takes a string, like {\"" + operator.replace("anything-but ", "") + "\": \"x\"}");
        }
        return v.asText();
    }

    private void requireEventBridge(String key, String feature) {
        if (!grammar.allowsEventBridgeOperators()) {
            throw problem(key, feature + " is an EventBridge operator that SNS filter policies do not support;"
                    + " use prefix, suffix, anything-but (value, list or prefix), numeric, exists, equals-ignore-case or cidr");
        }
    }

    PatternException problem(String key, String text) {
        return new PatternException(grammar.noun() + " key \"" + key + "\" " + text);
    }
}
