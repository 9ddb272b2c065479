package dev.localfaas.runtime.metering;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * One usage record as one JSON line, in the documented field order, and back. Reading is lenient about what it may
 * be (unknown fields are ignored, optional ones default) and strict about what the bill needs.
 */
final class UsageRecordJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> OUTCOMES = Set.of("ok", "error", "timeout", "throttled");

    private UsageRecordJson() {
    }

    /** A problem with one line, for the reader to report with its line number. */
    static final class BadRecord extends Exception {
        BadRecord(String message) {
            super(message, null, false, false);
        }
    }

    /** The record as JSON followed by {@code \n}. */
    static String line(UsageRecord r) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("function", r.function());
            g.writeStringField("version", r.version());
            g.writeStringField("requestId", r.requestId());
            g.writeStringField("trigger", r.trigger());
            g.writeStringField("start", r.start());
            g.writeFieldName("durationMs");
            g.writeNumber(decimal(r.durationMs()));
            g.writeFieldName("initMs");
            g.writeNumber(decimal(r.initMs()));
            g.writeNumberField("billedMs", r.billedMs());
            g.writeNumberField("memoryMb", r.memoryMb());
            g.writeStringField("outcome", r.outcome());
            g.writeNumberField("requestBytes", r.requestBytes());
            g.writeNumberField("responseBytes", r.responseBytes());
            g.writeNumberField("allocatedBytes", r.allocatedBytes());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    /** Plain decimal digits (never 1.0E-4), as short as the double allows. */
    private static String decimal(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    static UsageRecord parse(String line) throws BadRecord {
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadRecord("not a JSON object");
        }
        if (n == null || !n.isObject()) {
            throw new BadRecord("not a JSON object");
        }
        String function = requiredText(n, "function");
        String start = requiredText(n, "start");
        try {
            Instant.parse(start);
        } catch (DateTimeParseException e) {
            throw new BadRecord("start '" + start + "' is not an ISO-8601 UTC time");
        }
        String outcome = requiredText(n, "outcome");
        if (!OUTCOMES.contains(outcome)) {
            throw new BadRecord("outcome '" + outcome + "' is not one of ok, error, timeout, throttled");
        }
        int memory = (int) requiredWhole(n, "memoryMb");
        if (memory <= 0) {
            throw new BadRecord("memoryMb must be more than 0");
        }
        return new UsageRecord(function, n.path("version").asText("$LATEST"), n.path("requestId").asText(""),
                n.path("trigger").asText(""), start, requiredDecimal(n, "durationMs"), optionalDecimal(n, "initMs"),
                requiredWhole(n, "billedMs"), memory, outcome, n.path("requestBytes").asLong(0),
                n.path("responseBytes").asLong(0), n.path("allocatedBytes").asLong(0));
    }

    private static String requiredText(JsonNode n, String field) throws BadRecord {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new BadRecord(field + " is missing or not a string");
        }
        return v.asText();
    }

    private static long requiredWhole(JsonNode n, String field) throws BadRecord {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw new BadRecord(field + " is missing or not a whole number of 0 or more");
        }
        return v.longValue();
    }

    private static double requiredDecimal(JsonNode n, String field) throws BadRecord {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber() || v.doubleValue() < 0) {
            throw new BadRecord(field + " is missing or not a number of 0 or more");
        }
        return v.doubleValue();
    }

    private static double optionalDecimal(JsonNode n, String field) throws BadRecord {
        return n.has(field) ? requiredDecimal(n, field) : 0;
    }
}
