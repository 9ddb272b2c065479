package dev.localfaas.runtime.config.yaml;

import java.util.List;

/** A sequence. */
public record YamlList(List<YamlNode> items, String tag, Position position) implements YamlNode {

    public YamlList {
        items = List.copyOf(items);
    }

    @Override
    public String kind() {
        return "a list";
    }
}
