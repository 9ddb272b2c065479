package dev.localfaas.runtime.trigger.schedule;

/**
 * A schedule that cannot run. The message is one line naming the expression, what is wrong and how to fix it, e.g.
 * {@code cron(0 12 * * * *): day-of-month and day-of-week cannot both be specified; use ? in one of them}.
 */
public final class ScheduleExpressionException extends RuntimeException {

    private final String expression;
    private final String reason;

    ScheduleExpressionException(String expression, String reason) {
        super(label(expression) + ": " + reason);
        this.expression = expression;
        this.reason = reason;
    }

    private ScheduleExpressionException(String message, String expression, String reason) {
        super(message);
        this.expression = expression;
        this.reason = reason;
    }

    /** The same problem, prefixed with the function (and its JAR) that declares the schedule. */
    public ScheduleExpressionException inFunction(String function, String jar) {
        return new ScheduleExpressionException("function " + function + " (" + jar + "): " + getMessage(),
                expression, reason);
    }

    /** The expression as written. */
    public String expression() {
        return expression;
    }

    /** What is wrong and how to fix it, without the expression. */
    public String reason() {
        return reason;
    }

    private static String label(String expression) {
        return expression == null || expression.isBlank() ? "\"" + (expression == null ? "" : expression) + "\""
                : expression;
    }
}
