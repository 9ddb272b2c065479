package dev.localfaas.runtime.observe;

import java.util.Locale;

/**
 * One log line of one invocation, as the log store keeps it and as Lambda's JSON log format names its fields.
 *
 * @param seq       position in this gateway's log since start (the live tail asks for what follows a seq)
 * @param timestamp epoch ms: the invocation's start for what it printed (lines are not timed one by one), its end
 *                  for END and REPORT
 * @param level     {@code TRACE} .. {@code FATAL}; {@code INFO} for plain output and platform lines
 * @param type      {@code function} for what the handler wrote, else the platform record type
 *                  ({@code platform.start}, {@code platform.end}, {@code platform.report}, {@code platform.initReport})
 * @param traceId   the invocation's trace id, or null
 */
public record LogEntry(long seq, long timestamp, String function, String requestId, String level, String type,
                       String message, String traceId) {

    private static final String[] LEVELS = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};

    /** Rank of a level name for {@code --log-level} filtering: TRACE 0 .. FATAL 5; -1 when not a level. */
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
     * Classifies a line: platform lines by their first word, {@code [LEVEL] } prefixes as {@code LambdaLogger} writes
     * them in Lambda's TEXT format, the error payload of a failed invocation as ERROR, anything else INFO.
     *
     * @return {level, type, message}
     */
    static String[] classify(String line, boolean failed) {
        if (line.startsWith("START RequestId:")) {
            return new String[] {"INFO", "platform.start", line};
        }
        if (line.startsWith("END RequestId:")) {
            return new String[] {"INFO", "platform.end", line};
        }
        if (line.startsWith("REPORT RequestId:")) {
            return new String[] {failed ? "ERROR" : "INFO", "platform.report", line};
        }
        if (line.startsWith("INIT_REPORT") || line.startsWith("INIT_START")) {
            return new String[] {"INFO", "platform.initReport", line};
        }
        if (line.startsWith("[")) {
            int close = line.indexOf(']');
            if (close > 1 && rank(line.substring(1, close)) >= 0) {
                String rest = line.substring(close + 1);
                return new String[] {line.substring(1, close).toUpperCase(Locale.ROOT), "function",
                        rest.startsWith(" ") ? rest.substring(1) : rest};
            }
        }
        if (failed && line.startsWith("{\"errorMessage\"")) {
            return new String[] {"ERROR", "function", line};
        }
        return new String[] {"INFO", "function", line};
    }
}
