package dev.localfaas.runtime.metering;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.localfaas.runtime.execution.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Arrays;
import java.util.Optional;

/**
 * One usage record as one JSON line, in the documented field order, and back. Reading is lenient about what it may
 * be (unknown fields are ignored, optional ones default) and strict about what the bill needs.
 */
final class UsageRecordJson {
    private static final JsonFactory FACTORY = new JsonFactory();

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
        return new String(lines(List.of(r)), StandardCharsets.UTF_8);
    }

    /**
     * The records as JSON lines, UTF-8, through one generator: the ledger writes each batch of the engine's reporter
     * this way (a generator and a string per record were a quarter of that thread's work under load).
     */
    static byte[] lines(List<UsageRecord> records) {
        ByteArrayBuilder out = new ByteArrayBuilder(records.size() * 320);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setRootValueSeparator(null);
            for (UsageRecord r : records) {
                write(r, g);
                g.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(UsageRecord r, JsonGenerator g) throws IOException {
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
        g.writeStringField("outcome", r.outcome().id());
        g.writeNumberField("requestBytes", r.requestBytes());
        g.writeNumberField("responseBytes", r.responseBytes());
        g.writeNumberField("allocatedBytes", r.allocatedBytes());
        if (r.maxMemoryUsedMb() >= 0) {
            g.writeNumberField("maxMemoryUsedMb", r.maxMemoryUsedMb()); // process isolation: the real peak
        }
        if (r.cpuMs() != null) {
            g.writeFieldName("cpuMs");
            g.writeNumber(decimal(r.cpuMs()));
        }
        if (r.payloadFormat() != null) {
            g.writeStringField("payloadFormat", r.payloadFormat());
        }
        g.writeEndObject();
    }

    /**
     * Plain decimal digits (never 1.0E-4), as short as the double allows. {@code Double.toString} already gives the
     * shortest digits; only its exponent form and its {@code .0} need {@code BigDecimal}'s rewriting (which costs a
     * parse per field, three fields per record, on the reporter thread).
     */
    static String decimal(double d) {
        if (d == 0) {
            return "0";
        }
        String s = Double.toString(d);
        if (s.indexOf('E') >= 0 || !Double.isFinite(d)) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /**
     * Reads one line with a streaming parser (a ledger can hold millions): unknown fields are skipped, optional ones
     * default, and a missing or mistyped field the bill needs is a {@link BadRecord} naming it.
     */
    static UsageRecord parse(String line) throws BadRecord {
        Map<String, Object> f = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadRecord("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (t) {
                    case VALUE_STRING -> f.put(name, p.getText());
                    case VALUE_NUMBER_INT -> f.put(name, p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            ? (Object) p.getDoubleValue() : (Object) p.getLongValue());
                    case VALUE_NUMBER_FLOAT -> f.put(name, p.getDoubleValue());
                    default -> {
                        p.skipChildren();
                        f.put(name, t);
                    }
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new BadRecord("not a JSON object");
            }
        } catch (IOException e) {
            throw new BadRecord("not a JSON object");
        }
        String function = requiredText(f, "function");
        String start = requiredText(f, "start");
        try {
            Instant.parse(start);
        } catch (DateTimeParseException e) {
            throw new BadRecord("start '" + start + "' is not an ISO-8601 UTC time");
        }
        String outcomeId = requiredText(f, "outcome");
        Outcome outcome = outcome(outcomeId).orElseThrow(() -> new BadRecord("outcome '" + outcomeId
                + "' is not one of ok, error, timeout, throttled"));
        long memory = requiredWhole(f, "memoryMb");
        if (memory <= 0 || memory > Integer.MAX_VALUE) {
            throw new BadRecord("memoryMb must be more than 0");
        }
        return new UsageRecord(function, text(f, "version", "$LATEST"), text(f, "requestId", ""),
                text(f, "trigger", ""), start, requiredDecimal(f, "durationMs"), optionalDecimal(f, "initMs"),
                requiredWhole(f, "billedMs"), (int) memory, outcome, whole(f, "requestBytes"),
                whole(f, "responseBytes"), whole(f, "allocatedBytes"),
                f.containsKey("cpuMs") ? requiredDecimal(f, "cpuMs") : null, text(f, "payloadFormat", null),
                f.containsKey("maxMemoryUsedMb") ? whole(f, "maxMemoryUsedMb") : -1);
    }

    private static Optional<Outcome> outcome(String id) {
        return Arrays.stream(Outcome.values()).filter(o -> o.id().equals(id)).findFirst();
    }

    private static String requiredText(Map<String, Object> f, String field) throws BadRecord {
        if (!(f.get(field) instanceof String s) || s.isEmpty()) {
            throw new BadRecord(field + " is missing or not a string");
        }
        return s;
    }

    private static String text(Map<String, Object> f, String field, String dflt) {
        return f.get(field) instanceof String s ? s : dflt;
    }

    private static long requiredWhole(Map<String, Object> f, String field) throws BadRecord {
        if (!(f.get(field) instanceof Long v) || v < 0) {
            throw new BadRecord(field + " is missing or not a whole number of 0 or more");
        }
        return v;
    }

    private static long whole(Map<String, Object> f, String field) {
        return f.get(field) instanceof Long v ? v : 0;
    }

    private static double requiredDecimal(Map<String, Object> f, String field) throws BadRecord {
        if (!(f.get(field) instanceof Number v) || v.doubleValue() < 0) {
            throw new BadRecord(field + " is missing or not a number of 0 or more");
        }
        return v.doubleValue();
    }

    private static double optionalDecimal(Map<String, Object> f, String field) throws BadRecord {
        return f.containsKey(field) ? requiredDecimal(f, field) : 0;
    }
}
