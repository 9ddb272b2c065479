package dev.localfaas.runtime.config.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A mapping in document order, with the position of each key (a problem about a key, such as an unknown resource
 * type, points at the key).
 */
public record YamlMap(Map<String, YamlNode> entries, Map<String, Position> keyPositions, String tag, Position position)
        implements YamlNode {

    public YamlMap {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        keyPositions = Map.copyOf(keyPositions);
    }

    public Optional<YamlNode> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Position keyPosition(String key) {
        return keyPositions.getOrDefault(key, position);
    }

    @Override
    public String kind() {
        return "a mapping";
    }
}
