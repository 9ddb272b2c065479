package dev.localfaas.cli;

import dev.localfaas.runtime.trigger.schedule.FiringFormat;
import dev.localfaas.runtime.trigger.schedule.ScheduleExpression;
import dev.localfaas.runtime.trigger.schedule.ScheduleExpressionException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faas schedule next "<expression>"}: the next firings of any expression, one a line, ISO-8601 UTC first so
 * that scripts can read them; local time beside it on request.
 */
@Command(name = "next",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Print the next firings of a schedule expression, one a line, in ISO-8601 UTC.",
            "A rate(...) counts from --from (default: now), as it counts from when faas run starts it."})
final class ScheduleNextCommand implements Callable<Integer> {

    private static final int MAX_COUNT = 10_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "EXPRESSION",
            description = "rate(value unit) or cron(minutes hours day-of-month month day-of-week year), quoted.")
    String expression;

    @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "5",
            description = "How many firings to print (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--from", paramLabel = "INSTANT",
            description = "Start from this moment instead of now: 2027-01-31T12:00:00Z (a time without zone is UTC; "
                    + "a date alone is its midnight UTC).")
    String from;

    @Option(names = "--local", description = "Also print each firing in the local time zone.")
    boolean local;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Print local times in this zone (Europe/Paris, America/New_York); implies --local.")
    String zone;

    @Override
    public Integer call() {
        if (count < 1 || count > MAX_COUNT) {
            throw CliException.usage("-n " + count + " is out of range; print between 1 and " + MAX_COUNT + " firings");
        }
        ScheduleExpression schedule;
        try {
            schedule = ScheduleExpression.parse(expression);
        } catch (ScheduleExpressionException e) {
            throw CliException.usage(e.getMessage());
        }
        ZoneId localZone = localZone();
        Instant start = start();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        schedule.warnings().forEach(w -> err.println("faas: warning: " + w));
        List<Instant> firings = schedule.firings(start, count);
        for (Instant firing : firings) {
            out.println(localZone == null ? FiringFormat.utc(firing) : FiringFormat.utcAndLocal(firing, localZone));
        }
        out.flush();
        if (firings.size() < count) {
            Instant last = firings.isEmpty() ? start : firings.get(firings.size() - 1);
            err.println("faas: " + schedule.text() + " never fires after " + FiringFormat.utc(last)
                    + " (its years end by 2199 at the latest)");
        }
        return ExitCodes.OK;
    }

    private ZoneId localZone() {
        if (zone != null) {
            try {
                return ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw CliException.usage("--zone '" + zone + "' is not a time zone; use a region id such as "
                        + "Europe/Paris or an offset such as +02:00");
            }
        }
        return local ? ZoneId.systemDefault() : null;
    }

    /** The moment to count from; now is rounded up to the next whole second, as {@code faas run} starts rates. */
    private Instant start() {
        if (from == null) {
            Instant now = Clock.systemUTC().instant();
            Instant second = now.truncatedTo(ChronoUnit.SECONDS);
            return second.equals(now) ? now : second.plusSeconds(1);
        }
        try {
            return Instant.parse(from);
        } catch (DateTimeException notInstant) {
            try {
                return OffsetDateTime.parse(from).toInstant();
            } catch (DateTimeException notOffset) {
                try {
                    return LocalDateTime.parse(from).toInstant(ZoneOffset.UTC);
                } catch (DateTimeException notLocal) {
                    try {
                        return LocalDate.parse(from).atStartOfDay().toInstant(ZoneOffset.UTC);
                    } catch (DateTimeException notDate) {
                        throw CliException.usage("--from '" + from + "' is not a date-time; use ISO-8601 such as "
                                + "2027-01-31T12:00:00Z or 2027-01-31");
                    }
                }
            }
        }
    }
}
