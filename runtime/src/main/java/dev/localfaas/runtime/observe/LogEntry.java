package dev.localfaas.runtime.observe;

/**
 * One log line of one invocation, as the log store keeps it and as Lambda's JSON log format names its fields.
 *
 * @param seq       position in this gateway's log since start (the live tail asks for what follows a seq)
 * @param timestamp epoch ms: the invocation's start for what it printed (lines are not timed one by one), its end
 *                  for END and REPORT
 * @param level     {@code TRACE} .. {@code FATAL}; {@code INFO} for plain output and platform lines
 * @param type      {@code function} for what the handler wrote, else the platform record type
 *                  ({@code platform.start}, {@code platform.runtimeDone}, {@code platform.report}, ...; see {@link LineKind})
 * @param traceId   the invocation's trace id, or null
 */
public record LogEntry(long seq, long timestamp, String function, String requestId, String level, String type,
                       String message, String traceId) {

    /** Rank of a level name for {@code --log-level} filtering: TRACE 0 .. FATAL 5; -1 when not a level. */
    public static int rank(String level) {
        return LineKind.rank(level);
    }
}
