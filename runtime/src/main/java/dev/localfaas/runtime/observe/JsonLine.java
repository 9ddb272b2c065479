package dev.localfaas.runtime.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;

/**
 * A log line that is already a JSON object, as the AWS runtime's {@code LambdaLogger} writes records when the
 * function's log format is JSON ({@code {"timestamp","level","message","AWSRequestId"}}), or as a function's own
 * structured logger does. Only lines that look like an object are parsed.
 */
public final class JsonLine {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLine() {
    }

    /** The object of a line that is a JSON object, or null. */
    public static ObjectNode object(String line) {
        if (!line.startsWith("{") || !line.endsWith("}")) {
            return null;
        }
        try {
            return JSON.readTree(line) instanceof ObjectNode o ? o : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The level a JSON line carries in its {@code level} field, upper-cased, when it is one of Lambda's; else null. */
    static String level(String line) {
        if (!line.contains("\"level\"")) {
            return null;
        }
        ObjectNode o = object(line);
        JsonNode level = o == null ? null : o.get("level");
        if (level == null || !level.isTextual()) {
            return null;
        }
        String l = level.asText().toUpperCase(Locale.ROOT);
        return LineKind.rank(l) >= 0 ? l : null;
    }
}
