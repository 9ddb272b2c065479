package dev.localfaas.runtime.awsapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Query-protocol parameters as a tree: {@code Entry.2.MessageAttribute.1.Value.StringValue=x} becomes
 * {@code {"Entry": [.., {"MessageAttribute": [{"Value": {"StringValue": "x"}}]}]}}; numbered members become lists in
 * index order. A service then renames members to its JSON shape ({@link AwsService#fromQuery}).
 */
public final class QueryParameters {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private QueryParameters() {
    }

    /** Decodes an {@code application/x-www-form-urlencoded} body. */
    public static Map<String, String> parseForm(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(key, value);
        }
        return out;
    }

    public static ObjectNode tree(Map<String, String> parameters) {
        ObjectNode root = NODES.objectNode();
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            String[] parts = p.getKey().split("\\.");
            ObjectNode at = root;
            for (int i = 0; i < parts.length - 1; i++) {
                JsonNode next = at.get(parts[i]);
                if (!(next instanceof ObjectNode)) {
                    next = NODES.objectNode();
                    at.set(parts[i], next);
                }
                at = (ObjectNode) next;
            }
            at.put(parts[parts.length - 1], p.getValue());
        }
        return (ObjectNode) numberedToLists(root);
    }

    /** Objects whose keys are all positive numbers become lists ordered by number. */
    private static JsonNode numberedToLists(JsonNode node) {
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = (ObjectNode) node;
        Map<Integer, JsonNode> numbered = new TreeMap<>();
        boolean allNumbers = object.size() > 0;
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode child = numberedToLists(object.get(name));
            object.set(name, child);
            if (allNumbers && name.matches("[1-9]\\d{0,4}")) {
                numbered.put(Integer.parseInt(name), child);
            } else {
                allNumbers = false;
            }
        }
        if (!allNumbers) {
            return object;
        }
        ArrayNode list = NODES.arrayNode();
        numbered.values().forEach(list::add);
        return list;
    }

    /** Renames {@code from} (a list of name/value structures) to a map {@code to}: name -> value. */
    public static void listToMap(ObjectNode node, String from, String to, String keyName, String valueName) {
        JsonNode list = node.remove(from);
        if (list == null) {
            return;
        }
        ObjectNode map = node.putObject(to);
        for (Iterator<JsonNode> it = list.isArray() ? list.elements() : List.of(list).iterator(); it.hasNext(); ) {
            JsonNode entry = it.next();
            if (entry.has(keyName)) {
                map.set(entry.get(keyName).asText(), entry.has(valueName) ? entry.get(valueName) : NODES.textNode(""));
            }
        }
    }

    /** Renames {@code from} to {@code to}, making a single value a list of one. */
    public static void renameList(ObjectNode node, String from, String to) {
        JsonNode value = node.remove(from);
        if (value == null) {
            return;
        }
        if (value.isArray()) {
            node.set(to, value);
        } else {
            node.putArray(to).add(value);
        }
    }
}
