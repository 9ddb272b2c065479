package dev.localfaas.runtime.trigger.topic;

import java.util.Base64;
import java.util.Set;

/**
 * One SNS message attribute as a subscriber sees it ({@code "Type"} and {@code "Value"}): {@code String},
 * {@code String.Array} (a JSON array in the value), {@code Number}, or {@code Binary} (base64).
 */
public record TopicAttribute(String type, String value) {

    private static final Set<String> TYPES = Set.of("String", "String.Array", "Number", "Binary");

    public TopicAttribute {
        if (type == null || !TYPES.contains(type)) {
            throw new TopicRequestException("message attribute type '" + type
                    + "' is not an SNS type; use String, String.Array, Number or Binary");
        }
        if (value == null) {
            throw new TopicRequestException("message attribute of type " + type + " has no value; give it one");
        }
        if (type.equals("Number")) {
            try {
                new java.math.BigDecimal(value.trim());
            } catch (NumberFormatException e) {
                throw new TopicRequestException("message attribute value '" + value + "' is not a number;"
                        + " give a Number attribute digits, like 150 or 3.015e2");
            }
        }
        if (type.equals("Binary")) {
            try {
                Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                throw new TopicRequestException("Binary message attribute is not base64; encode its bytes");
            }
        }
    }

    public static TopicAttribute string(String value) {
        return new TopicAttribute("String", value);
    }

    public static TopicAttribute number(String value) {
        return new TopicAttribute("Number", value);
    }

    /**
     * Reads the CLI's {@code TYPE:VALUE} form ({@code Number:150}, {@code String.Array:["a","b"]}); a value without a
     * known type prefix is a String, so {@code source=cli} and {@code url=http://x} both work.
     */
    public static TopicAttribute parse(String typed) {
        int colon = typed.indexOf(':');
        if (colon > 0 && TYPES.contains(typed.substring(0, colon))) {
            return new TopicAttribute(typed.substring(0, colon), typed.substring(colon + 1));
        }
        return string(typed);
    }
}
