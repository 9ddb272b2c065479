package dev.localfaas.runtime.observe;

import java.util.Locale;

/**
 * What one log line of an invocation is, as Lambda's JSON log format tells lines apart: its level, its record type
 * ({@code function} for what the handler wrote, else a platform record type) and its message. The console, the log
 * store and {@code faas logs} classify lines with this one rule.
 *
 * @param level   {@code TRACE} .. {@code FATAL}
 * @param type    {@code function}, or {@code platform.start}, {@code platform.runtimeDone}, {@code platform.report},
 *                {@code platform.initReport}, {@code platform.fault} (a notice of the emulator's about the invocation)
 * @param message the line without a {@code [LEVEL] } prefix
 */
public record LineKind(String level, String type, String message) {

    public static final String FUNCTION = "function";

    /** Levels of the application log, most detail first (Lambda's {@code ApplicationLogLevel}). */
    static final String[] LEVELS = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};

    public boolean platform() {
        return !type.equals(FUNCTION);
    }

    /** Rank of a level name: TRACE 0 .. FATAL 5; -1 when not a level. */
    public static int rank(String level) {
        String l = level.toUpperCase(Locale.ROOT);
        for (int i = 0; i < LEVELS.length; i++) {
            if (LEVELS[i].equals(l)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Classifies a line: platform lines by their first word (with the level Lambda's system log gives each record:
     * start, report and init records INFO, runtimeDone DEBUG, our notices WARN), {@code [LEVEL] } prefixes as
     * {@code LambdaLogger} writes them in Lambda's TEXT format, a JSON object with a {@code level} as the JSON format
     * writes it, the error payload of a failed invocation as ERROR, anything else INFO (as Lambda assigns a line
     * without a level when it filters).
     *
     * @param failed whether the invocation failed, when known: its REPORT is then ERROR
     */
    public static LineKind of(String line, boolean failed) {
        if (line.startsWith("START RequestId:")) {
            return new LineKind("INFO", "platform.start", line);
        }
        if (line.startsWith("END RequestId:")) {
            return new LineKind("DEBUG", "platform.runtimeDone", line);
        }
        if (line.startsWith("REPORT RequestId:")) {
            boolean error = failed || line.contains("\tStatus: error") || line.contains("\tStatus: timeout");
            return new LineKind(error ? "ERROR" : "INFO", "platform.report", line);
        }
        if (line.startsWith("INIT_START")) {
            return new LineKind("INFO", "platform.initStart", line);
        }
        if (line.startsWith("INIT_REPORT")) {
            return new LineKind(line.contains("Status: ") && !line.contains("Status: success") ? "ERROR" : "INFO",
                    "platform.initReport", line);
        }
        if (line.startsWith("localfaas: ")) {
            return new LineKind("WARN", "platform.fault", line);
        }
        if (line.startsWith("[")) {
            int close = line.indexOf(']');
            if (close > 1 && rank(line.substring(1, close)) >= 0) {
                String rest = line.substring(close + 1);
                return new LineKind(line.substring(1, close).toUpperCase(Locale.ROOT), FUNCTION,
                        rest.startsWith(" ") ? rest.substring(1) : rest);
            }
        }
        if (line.startsWith("{") && line.endsWith("}")) {
            if (line.startsWith("{\"errorMessage\"") && (failed || line.contains("\"errorType\""))) {
                return new LineKind("ERROR", FUNCTION, line);
            }
            String level = JsonLine.level(line);
            if (level != null) {
                return new LineKind(level, FUNCTION, line);
            }
        }
        // "2026-12-01T00:31:02.123Z <id> Task timed out after 3.00 seconds": only lines opening with a date are scanned
        if (!line.isEmpty() && Character.isDigit(line.charAt(0)) && line.contains(" Task timed out after ")) {
            return new LineKind("ERROR", FUNCTION, line);
        }
        return new LineKind("INFO", FUNCTION, line);
    }
}
