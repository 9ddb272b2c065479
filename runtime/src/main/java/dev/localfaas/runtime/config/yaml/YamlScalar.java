package dev.localfaas.runtime.config.yaml;

/**
 * A scalar: its text as written ({@code null} for YAML's null, {@code ~} or an empty value).
 * Numbers and booleans stay text; readers convert where a number is wanted, so a bad one is reported in place.
 */
public record YamlScalar(String value, String tag, Position position) implements YamlNode {

    public static YamlScalar of(String value, Position position) {
        return new YamlScalar(value, "", position);
    }

    public boolean isNull() {
        return value == null;
    }

    @Override
    public String kind() {
        return value == null ? "empty" : "a string";
    }
}
