package dev.localfaas.runtime.observe;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Log entries in Lambda's JSON log format (advanced logging controls, {@code LogFormat: JSON}): function output as
 * {@code {"timestamp","level","requestId","message"}}, platform lines as {@code {"time","type","record"}} records.
 * We add {@code function} and {@code traceId}, which a CloudWatch log group implies by its name and X-Ray keeps apart.
 */
public final class LogLines {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private LogLines() {
    }

    public static String timestamp(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /** The JSON object of one entry (insertion-ordered, for stable output). */
    public static Map<String, Object> jsonRecord(LogEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (e.type().equals("function")) {
            m.put("timestamp", timestamp(e.timestamp()));
            m.put("level", e.level());
            m.put("requestId", e.requestId());
            m.put("message", e.message());
        } else {
            m.put("time", timestamp(e.timestamp()));
            m.put("type", e.type());
            m.put("level", e.level());
            m.put("requestId", e.requestId());
            m.put("record", e.message());
        }
        m.put("function", e.function());
        if (e.traceId() != null) {
            m.put("traceId", e.traceId());
        }
        return m;
    }
}
