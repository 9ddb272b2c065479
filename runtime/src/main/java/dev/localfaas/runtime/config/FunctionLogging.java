package dev.localfaas.runtime.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A function's {@code LoggingConfig} (Lambda's advanced logging controls): {@code LogFormat} {@code Text} or
 * {@code JSON}, and for JSON the {@code ApplicationLogLevel} (TRACE..FATAL) and {@code SystemLogLevel}
 * (DEBUG, INFO, WARN). Lambda passes the format and the application level to the function as
 * {@code AWS_LAMBDA_LOG_FORMAT} and {@code AWS_LAMBDA_LOG_LEVEL}, which the AWS runtime's {@code LambdaLogger}
 * honours; the system level only decides which platform records reach the log.
 *
 * @param format           {@code Text} or {@code JSON}
 * @param applicationLevel the application log level, "" when not set (Lambda's default, INFO, for JSON)
 * @param systemLevel      the system log level, "" when not set (Lambda's default, INFO, for JSON)
 */
public record FunctionLogging(String format, String applicationLevel, String systemLevel) {

    public static final FunctionLogging DEFAULT = new FunctionLogging("Text", "", "");
    public static final String FORMAT_VARIABLE = "AWS_LAMBDA_LOG_FORMAT";
    public static final String LEVEL_VARIABLE = "AWS_LAMBDA_LOG_LEVEL";

    public boolean json() {
        return format.equals("JSON");
    }

    /** The environment variables Lambda sets for this configuration; none for the default text format. */
    public Map<String, String> variables() {
        Map<String, String> v = new LinkedHashMap<>();
        if (json()) {
            v.put(FORMAT_VARIABLE, "JSON");
            v.put(LEVEL_VARIABLE, applicationLevel.isEmpty() ? "INFO" : applicationLevel);
        }
        return v;
    }
}
