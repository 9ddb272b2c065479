package dev.localfaas.runtime.observe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code record} object of a platform line in Lambda's JSON log format (the Telemetry API's event schemas):
 * {@code platform.start} {@code {"requestId","version"}}, {@code platform.runtimeDone} {@code {"requestId","status"}},
 * {@code platform.report} {@code {"requestId","metrics":{"durationMs","billedDurationMs","memorySizeMB",
 * "maxMemoryUsedMB","initDurationMs"},"status"}} with {@code errorType} when it failed. Read back from the TEXT line
 * the engine wrote, so that both formats say the same. A line this does not know stays whole in {@code message}.
 */
public final class PlatformRecord {

    private PlatformRecord() {
    }

    public static Map<String, Object> of(String type, String line) {
        Map<String, Object> record = new LinkedHashMap<>();
        Map<String, String> fields = fields(line);
        String requestId = fields.get("RequestId");
        switch (type) {
            case "platform.start" -> {
                record.put("requestId", requestId);
                record.put("version", fields.getOrDefault("Version", "$LATEST"));
            }
            case "platform.runtimeDone" -> {
                record.put("requestId", requestId);
                record.put("status", "success");
            }
            case "platform.report" -> {
                record.put("requestId", requestId);
                Map<String, Object> metrics = new LinkedHashMap<>();
                number(fields.get("Duration")).ifPresent(v -> metrics.put("durationMs", v));
                number(fields.get("Billed Duration")).ifPresent(v -> metrics.put("billedDurationMs", v.longValue()));
                number(fields.get("Memory Size")).ifPresent(v -> metrics.put("memorySizeMB", v.longValue()));
                number(fields.get("Max Memory Used")).ifPresent(v -> metrics.put("maxMemoryUsedMB", v.longValue()));
                number(fields.get("Init Duration")).ifPresent(v -> metrics.put("initDurationMs", v));
                record.put("metrics", metrics);
                String status = fields.getOrDefault("Status", "success");
                record.put("status", status);
                if (fields.containsKey("Error Type")) {
                    record.put("errorType", fields.get("Error Type"));
                }
            }
            case "platform.initReport" -> {
                record.put("initializationType", "on-demand");
                record.put("phase", fields.getOrDefault("Phase", "init"));
                record.put("status", fields.getOrDefault("Status", "success"));
                Map<String, Object> metrics = new LinkedHashMap<>();
                number(fields.get("Init Duration")).ifPresent(v -> metrics.put("durationMs", v));
                record.put("metrics", metrics);
            }
            default -> record.put("message", line);
        }
        return record;
    }

    /**
     * {@code Name: value} pairs of a platform line: REPORT separates them with tabs, START with spaces
     * ({@code START RequestId: x Version: $LATEST}).
     */
    static Map<String, String> fields(String line) {
        Map<String, String> out = new LinkedHashMap<>();
        int space = line.indexOf(' ');
        String rest = space < 0 ? "" : line.substring(space + 1);
        if (line.startsWith("START ")) {
            rest = rest.replace(" Version: ", "\tVersion: ");
        }
        for (String part : rest.split("\t")) {
            int colon = part.indexOf(": ");
            if (colon > 0) {
                out.put(part.substring(0, colon), part.substring(colon + 2).trim());
            }
        }
        return out;
    }

    /** The number at the start of {@code 12.34 ms} or {@code 128 MB}; empty for {@code n/a (...)}. */
    private static java.util.Optional<Double> number(String value) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        int end = value.indexOf(' ');
        try {
            return java.util.Optional.of(Double.parseDouble(end < 0 ? value : value.substring(0, end)));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
