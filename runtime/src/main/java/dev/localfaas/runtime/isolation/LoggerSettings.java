package dev.localfaas.runtime.isolation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the AWS runtime's {@code LambdaLogger} reads from the environment (advanced logging controls):
 * {@code AWS_LAMBDA_LOG_FORMAT} ({@code TEXT} by default, or {@code JSON}) and {@code AWS_LAMBDA_LOG_LEVEL} (no
 * filtering by default). Lambda sets both from the function's {@code LoggingConfig}.
 *
 * @param json     whether each call is written as a JSON object
 * @param minimum  the rank of the lowest level written (TRACE 0 .. FATAL 5), -1 for all
 */
record LoggerSettings(boolean json, int minimum) {

    private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    static LoggerSettings of(Map<String, String> environment) {
        String format = environment.getOrDefault("AWS_LAMBDA_LOG_FORMAT", "TEXT");
        String level = environment.getOrDefault("AWS_LAMBDA_LOG_LEVEL", "").toUpperCase(Locale.ROOT);
        return new LoggerSettings(format.equalsIgnoreCase("JSON"), LEVELS.indexOf(level));
    }

    /** The AWS runtime's filter: UNDEFINED (a plain {@code log(String)}) always passes. */
    boolean passes(String level) {
        return minimum < 0 || level.equals("UNDEFINED") || LEVELS.indexOf(level) >= minimum;
    }

    /** One JSON record and its newline, the fields in the AWS runtime's order; a null request id is left out. */
    byte[] record(String message, String level, String requestId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timestamp", TIME.format(Instant.now()));
        m.put("message", message.endsWith("\n") ? message.substring(0, message.length() - 1) : message);
        m.put("level", level);
        if (requestId != null) {
            m.put("AWSRequestId", requestId);
        }
        try {
            return (JSON.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }
}
