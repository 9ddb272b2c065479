package dev.localfaas.runtime.trigger.bus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One {@code PutEvents} entry: {@code Source}, {@code DetailType}, {@code Detail} (a JSON object, as text) and
 * {@code Resources}, checked as EventBridge checks them (an entry of at most 256 KiB), and the X-Ray trace header
 * the event carries to its targets ({@code TraceHeader}, else the caller's {@code X-Amzn-Trace-Id}; null for none).
 */
public record EventEntry(String source, String detailType, String detail, List<String> resources, String traceHeader) {

    public static final int MAX_BYTES = 262_144;
    private static final ObjectMapper JSON = new ObjectMapper();

    public EventEntry {
        if (source == null || source.isBlank()) {
            throw new BusRequestException("event has no source; give one, like --source orders");
        }
        if (detailType == null || detailType.isBlank()) {
            throw new BusRequestException("event has no detail-type; give one, like --detail-type OrderPlaced");
        }
        detail = detail == null || detail.isBlank() ? "{}" : detail;
        resources = resources == null ? List.of() : List.copyOf(resources);
        long size = source.length() + detailType.length() + detail.getBytes(StandardCharsets.UTF_8).length
                + resources.stream().mapToLong(String::length).sum();
        if (size > MAX_BYTES) {
            throw new BusRequestException("event is " + size + " bytes; EventBridge allows at most " + MAX_BYTES);
        }
    }

    /** An entry without a trace header: its targets' invocations start a trace of their own. */
    public EventEntry(String source, String detailType, String detail, List<String> resources) {
        this(source, detailType, detail, resources, null);
    }

    /** This entry carrying {@code header} on, unless it names a trace header of its own. */
    public EventEntry withTraceHeaderIfAbsent(String header) {
        return traceHeader != null && !traceHeader.isBlank() ? this
                : new EventEntry(source, detailType, detail, resources, header);
    }

    /** The detail as a JSON object. @throws BusRequestException when it is not one */
    JsonNode detailJson() {
        try {
            JsonNode tree = JSON.readTree(detail);
            if (tree != null && tree.isObject()) {
                return tree;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new BusRequestException("detail is not a JSON object; give one, like --detail '{\"orderId\": 7}'");
    }
}
