package dev.localfaas.cli;

import dev.localfaas.runtime.observe.LineKind;

/**
 * How one function's invocation lines are shown on the console: in Lambda's TEXT or JSON log format, and which
 * lines pass. As on Lambda, the application level filters what the function wrote (a line without a level is INFO)
 * and the system level the platform records (START and REPORT are INFO, END is DEBUG, our notices WARN).
 *
 * @param json             Lambda's JSON log format
 * @param applicationLevel the rank of the lowest application level shown (TRACE 0 .. FATAL 5), -1 for all
 * @param systemLevel      the rank of the lowest system level shown, -1 for all
 */
record ConsoleSettings(boolean json, int applicationLevel, int systemLevel) {

    /** Lambda's TEXT format: every line, as CloudWatch shows it. */
    static final ConsoleSettings TEXT = new ConsoleSettings(false, -1, -1);
    /** Lambda's JSON format with its default levels: INFO for both. */
    static final ConsoleSettings JSON = new ConsoleSettings(true, LineKind.rank("INFO"), LineKind.rank("INFO"));

    boolean filters() {
        return applicationLevel >= 0 || systemLevel >= 0;
    }

    boolean passes(LineKind kind) {
        int min = kind.platform() ? systemLevel : applicationLevel;
        return min < 0 || LineKind.rank(kind.level()) >= min;
    }
}
