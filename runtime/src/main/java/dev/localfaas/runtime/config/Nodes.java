package dev.localfaas.runtime.config;

import dev.localfaas.runtime.config.yaml.Position;
import dev.localfaas.runtime.config.yaml.YamlList;
import dev.localfaas.runtime.config.yaml.YamlMap;
import dev.localfaas.runtime.config.yaml.YamlNode;
import dev.localfaas.runtime.config.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of resolved nodes (no intrinsics left): each wrong type is a {@link ConfigError} at the node, naming
 * the property and what it should be.
 */
public final class Nodes {
    private Nodes() {
    }

    public static YamlMap map(YamlNode node, String what) {
        if (node instanceof YamlMap m) {
            return m;
        }
        throw new ConfigError(node.position(), what + " is " + node.kind() + "; it must be a mapping of keys to values");
    }

    public static Optional<YamlMap> optMap(YamlMap parent, String key) {
        return parent.get(key).filter(n -> !isNull(n)).map(n -> map(n, key));
    }

    public static String text(YamlNode node, String what) {
        if (node instanceof YamlScalar s && s.value() != null) {
            return s.value();
        }
        throw new ConfigError(node.position(), what + " is " + node.kind() + "; it must be a single value");
    }

    public static Optional<String> optText(YamlMap parent, String key) {
        return parent.get(key).filter(n -> !isNull(n)).map(n -> text(n, key));
    }

    public static Optional<Integer> optInt(YamlMap parent, String key, int min, int max) {
        return parent.get(key).filter(n -> !isNull(n)).map(n -> {
            String t = text(n, key);
            try {
                int v = Integer.parseInt(t.trim());
                if (v < min || v > max) {
                    throw new ConfigError(n.position(), key + " " + v + " is out of range; use " + min + " to " + max);
                }
                return v;
            } catch (NumberFormatException e) {
                throw new ConfigError(n.position(), key + " '" + t + "' is not a whole number; write a number such as " + min);
            }
        });
    }

    public static Optional<Boolean> optBool(YamlMap parent, String key) {
        return parent.get(key).filter(n -> !isNull(n)).map(n -> {
            String t = text(n, key).trim().toLowerCase(java.util.Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                return Boolean.parseBoolean(t);
            }
            throw new ConfigError(n.position(), key + " '" + t + "' is not true or false");
        });
    }

    public static List<YamlNode> list(YamlNode node, String what) {
        if (node instanceof YamlList l) {
            return l.items();
        }
        throw new ConfigError(node.position(), what + " is " + node.kind() + "; it must be a list");
    }

    /** A list, or a single value taken as a list of one (as CloudFormation accepts for many list properties). */
    public static List<YamlNode> listOrOne(YamlNode node) {
        return node instanceof YamlList l ? l.items() : List.of(node);
    }

    public static boolean isNull(YamlNode node) {
        return node instanceof YamlScalar s && s.isNull();
    }

    /** A resolved node as plain Java (String, List, Map, null): what the model keeps for later issues (Cors, Auth). */
    public static Object plain(YamlNode node) {
        if (node instanceof YamlScalar s) {
            return s.value();
        }
        if (node instanceof YamlList l) {
            List<Object> out = new ArrayList<>();
            l.items().forEach(i -> out.add(plain(i)));
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((YamlMap) node).entries().forEach((k, v) -> out.put(k, plain(v)));
        return out;
    }

    /** Builds a mapping in code (merged globals, generated values) at {@code at}. */
    public static YamlMap mapOf(Map<String, YamlNode> entries, Position at) {
        return new YamlMap(entries, Map.of(), "", at);
    }
}
