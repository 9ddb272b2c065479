package dev.localfaas.runtime.config.yaml;

/**
 * One node of a YAML document with its position and its tag: {@code Ref} for {@code !Ref x}, "" when untagged.
 * Project files are small, so the whole tree is kept; every reader reports problems at a node's position.
 */
public sealed interface YamlNode permits YamlScalar, YamlMap, YamlList {

    Position position();

    /** The local tag without its {@code !} ({@code Ref}, {@code GetAtt}, ...), or "" when the node has none. */
    String tag();

    /** What a problem message calls this node's kind: "a string", "a mapping", "a list". */
    String kind();
}
