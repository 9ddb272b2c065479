package dev.localfaas.runtime.trigger.bus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON paths EventBridge takes in {@code InputPath} and {@code InputPathsMap}: {@code $}, then
 * {@code .name} and {@code [index]} steps ({@code $.detail.items[0].id}). Filters and wildcards are not supported.
 */
final class JsonPath {

    private static final Pattern STEP = Pattern.compile("\\.([^.\\[\\]]+)|\\[(\\d+)]|\\['([^']+)']");

    private final String text;
    private final List<Object> steps;

    private JsonPath(String text, List<Object> steps) {
        this.text = text;
        this.steps = steps;
    }

    /** @throws BusRequestException when the path is not of the supported form */
    static JsonPath parse(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new BusRequestException("JSON path '" + text + "' must start with $, like $.detail.state");
        }
        List<Object> steps = new ArrayList<>();
        Matcher m = STEP.matcher(text);
        int at = 1;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new BusRequestException("JSON path '" + text + "' is not supported; use $.name and [index] steps,"
                        + " like $.detail.items[0].id");
            }
            steps.add(m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : Integer.valueOf(m.group(2)));
            at = m.end();
        }
        return new JsonPath(text, steps);
    }

    /** The selected node, or a missing node when the event has nothing there. */
    JsonNode select(JsonNode root) {
        JsonNode node = root;
        for (Object step : steps) {
            node = step instanceof Integer i ? node.path(i) : node.path((String) step);
        }
        return node;
    }

    @Override
    public String toString() {
        return text;
    }
}
