package dev.localfaas.cli;

import dev.localfaas.runtime.config.FunctionLogging;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.observe.LineKind;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code faas run}'s console options: the log format, the application and system log levels (Lambda's advanced
 * logging controls, for every function; without them each function's own {@code LoggingConfig} decides), quiet,
 * and colour.
 */
final class ConsoleOptions {

    private static final List<String> APPLICATION_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");
    private static final List<String> SYSTEM_LEVELS = List.of("DEBUG", "INFO", "WARN");

    @Option(names = "--log-format", paramLabel = "FORMAT",
            description = "Invocation log lines as Lambda's log formats: text (name | line) or json (one JSON object a"
                    + " line: timestamp, level, requestId, message, function; platform records as time, type, record)."
                    + " Default: each function's LoggingConfig, else text.")
    String format;

    @Option(names = "--log-level", paramLabel = "LEVEL",
            description = "Show what functions log at this application level or above: TRACE, DEBUG, INFO, WARN, ERROR"
                    + " or FATAL (a line without a level is INFO, as on Lambda). Default: each function's"
                    + " LoggingConfig; everything in text, INFO in json.")
    String level;

    @Option(names = "--system-log-level", paramLabel = "LEVEL",
            description = "Show platform records at this system level or above: DEBUG (END too), INFO (START, REPORT)"
                    + " or WARN (only the emulator's warnings). Default: everything in text, INFO in json.")
    String systemLevel;

    @Option(names = {"-q", "--quiet"},
            description = "No per-invocation lines on the terminal (the dashboard and faas logs still have them all).")
    boolean quiet;

    @Option(names = "--no-color", description = "No colours, even on a terminal (as NO_COLOR=1 does).")
    boolean noColor;

    /** Checks the values given: each bad one is a one-line usage error. */
    void validate() {
        if (format != null && !format.equalsIgnoreCase("text") && !format.equalsIgnoreCase("json")) {
            throw CliException.usage("--log-format " + format + " is not a log format; use text or json");
        }
        if (level != null && !APPLICATION_LEVELS.contains(level.toUpperCase(Locale.ROOT))) {
            throw CliException.usage("--log-level " + level + " is not a level; use TRACE, DEBUG, INFO, WARN, ERROR or FATAL");
        }
        if (systemLevel != null && !SYSTEM_LEVELS.contains(systemLevel.toUpperCase(Locale.ROOT))) {
            throw CliException.usage("--system-log-level " + systemLevel
                    + " is not a system log level; use DEBUG, INFO or WARN");
        }
    }

    /** Whether stdout carries JSON lines only (then the start-up text goes to stderr). */
    boolean json() {
        return "json".equalsIgnoreCase(format);
    }

    /** The console, colouring names when stdout is a terminal and nothing turned colour off. */
    ConsoleLog console(PrintWriter out, boolean terminal, Map<String, String> env) {
        validate();
        ConsoleSettings fallback = new ConsoleSettings(json(), rank(level, json() ? "INFO" : null),
                rank(systemLevel, json() ? "INFO" : null));
        return new ConsoleLog(out, fallback, FunctionColors.wanted(noColor, terminal, env), quiet);
    }

    /**
     * One function's settings: what the options say, else what its {@code LoggingConfig} says (its variables
     * {@code AWS_LAMBDA_LOG_FORMAT}/{@code AWS_LAMBDA_LOG_LEVEL}, and the template's {@code SystemLogLevel}), else
     * Lambda's defaults for the format.
     */
    ConsoleSettings settings(FunctionSpec spec, FunctionLogging declared) {
        Map<String, String> env = spec.environment();
        boolean declaredJson = "JSON".equalsIgnoreCase(env.get(FunctionLogging.FORMAT_VARIABLE));
        boolean json = format != null ? json() : declaredJson;
        String application = level != null ? level
                : declaredJson ? env.getOrDefault(FunctionLogging.LEVEL_VARIABLE, "INFO") : json ? "INFO" : null;
        String system = systemLevel != null ? systemLevel
                : declared != null && !declared.systemLevel().isEmpty() ? declared.systemLevel() : json ? "INFO" : null;
        return new ConsoleSettings(json, rank(application, null), rank(system, null));
    }

    private static int rank(String level, String otherwise) {
        String l = level != null ? level : otherwise;
        return l == null ? -1 : LineKind.rank(l);
    }
}
