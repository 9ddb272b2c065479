package dev.localfaas.runtime.awsapi;

import com.fasterxml.jackson.databind.JsonNode;

/** Whole numbers as both protocols carry them: JSON numbers, or text in query parameters and attribute maps. */
public final class Numbers {
    private Numbers() {
    }

    public static int integer(JsonNode node, String name, int fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        return integer(node.asText(), name);
    }

    public static int integer(String text, String name) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw AwsException.sender("InvalidParameterValue", "Value " + text + " for parameter " + name
                    + " is invalid. Reason: must be a whole number.");
        }
    }

    /** {@code value} within {@code min..max}, else InvalidParameterValue naming the range. */
    public static int inRange(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw AwsException.sender("InvalidParameterValue", "Value " + value + " for parameter " + name
                    + " is invalid. Reason: Must be between " + min + " and " + max + ", if provided.");
        }
        return value;
    }
}
