package dev.localfaas.runtime.trigger.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An EventBridge schedule expression, {@code rate(value unit)} or {@code cron(minutes hours day-of-month month
 * day-of-week year)}, in UTC, validated exactly as EventBridge validates it (plus {@code rate(n seconds)}, which only
 * runs locally and carries a warning).
 */
public sealed interface ScheduleExpression permits RateExpression, CronExpression {

    /**
     * Parses and validates an expression.
     *
     * @throws ScheduleExpressionException with a one-line message naming the expression, the problem and the fix
     */
    static ScheduleExpression parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new ScheduleExpressionException(t, "the schedule expression is empty; write rate(5 minutes) or "
                    + "cron(0 12 * * ? *)");
        }
        if (t.startsWith("rate(") || t.startsWith("cron(")) {
            if (!t.endsWith(")")) {
                throw new ScheduleExpressionException(t, "missing the closing parenthesis; write "
                        + t.substring(0, 4) + "(...)");
            }
            String body = t.substring(5, t.length() - 1).strip();
            return t.startsWith("rate(") ? RateExpression.parse(t, body) : CronParser.parse(t, body);
        }
        throw new ScheduleExpressionException(t, "not a schedule expression; write rate(value unit) such as "
                + "rate(5 minutes), or cron(minutes hours day-of-month month day-of-week year) such as "
                + "cron(0 12 * * ? *)");
    }

    /** The expression as written (trimmed). */
    String text();

    /** Things that work here but not on AWS (a {@code rate} in seconds); empty when AWS accepts it as is. */
    List<String> warnings();

    /**
     * The first firing strictly after {@code after} of a schedule that started at {@code start}: for a rate,
     * {@code start + k * period} with k at least 1, computed (never accumulated) so that it cannot drift; for a cron,
     * the next matching minute (start does not matter). Empty when the schedule never fires again (a cron whose
     * years have passed, or a day that never exists such as 30 February).
     */
    Optional<Instant> next(Instant start, Instant after);

    /** The first firing of a schedule that starts at {@code start}. */
    default Optional<Instant> next(Instant start) {
        return next(start, start);
    }

    /** The first {@code count} firings of a schedule that starts at {@code start}; fewer when it stops firing. */
    default List<Instant> firings(Instant start, int count) {
        return firings(start, start, count);
    }

    /** The next {@code count} firings after {@code after} of a schedule that started at {@code start}. */
    default List<Instant> firings(Instant start, Instant after, int count) {
        List<Instant> out = new ArrayList<>(Math.min(count, 1024));
        Instant from = after;
        while (out.size() < count) {
            Optional<Instant> n = next(start, from);
            if (n.isEmpty()) {
                break;
            }
            out.add(n.get());
            from = n.get();
        }
        return out;
    }
}
