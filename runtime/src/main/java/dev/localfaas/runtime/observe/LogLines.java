package dev.localfaas.runtime.observe;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;

/**
 * Log entries in Lambda's JSON log format (advanced logging controls, {@code LogFormat: JSON}): function output as
 * {@code {"timestamp","level","requestId","message"}}, platform lines as {@code {"time","type","record"}} records.
 * We add {@code function} and {@code traceId}, which a CloudWatch log group implies by its name and X-Ray keeps apart.
 *
 * <p>Written straight to a generator, field by field: the log store writes every line of every invocation on the
 * reporter thread, and a map per line with a {@code DateTimeFormatter} per timestamp was a third of that thread's work.
 */
public final class LogLines {

    private LogLines() {
    }

    /** {@code 2026-12-01T00:31:02.123Z}: always three fraction digits, as Lambda's JSON timestamps have. */
    public static String timestamp(long epochMillis) {
        return Second.of(Math.floorDiv(epochMillis, 1000)).append(epochMillis);
    }

    /** Writes one entry as a JSON object (fields in a stable order). */
    public static void write(JsonGenerator g, LogEntry e) throws IOException {
        g.writeStartObject();
        boolean function = e.type().equals("function");
        g.writeStringField(function ? "timestamp" : "time", timestamp(e.timestamp()));
        if (!function) {
            g.writeStringField("type", e.type());
        }
        g.writeStringField("level", e.level());
        g.writeStringField("requestId", e.requestId());
        g.writeStringField(function ? "message" : "record", e.message());
        g.writeStringField("function", e.function());
        if (e.traceId() != null) {
            g.writeStringField("traceId", e.traceId());
        }
        g.writeEndObject();
    }

    /** The text of one whole second ({@code 2026-12-01T00:31:02.}), kept for the next timestamp in the same second. */
    private record Second(long epochSecond, String prefix) {

        private static volatile Second last = new Second(Long.MIN_VALUE, "");

        static Second of(long epochSecond) {
            Second s = last;
            if (s.epochSecond != epochSecond) {
                String whole = Instant.ofEpochSecond(epochSecond).toString(); // 2026-12-01T00:31:02Z
                s = new Second(epochSecond, whole.substring(0, whole.length() - 1) + ".");
                last = s;
            }
            return s;
        }

        String append(long epochMillis) {
            int ms = (int) Math.floorMod(epochMillis, 1000L);
            return new StringBuilder(prefix.length() + 4).append(prefix)
                    .append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10)).append((char) ('0' + ms % 10))
                    .append('Z').toString();
        }
    }
}
