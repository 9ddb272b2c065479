package dev.localfaas.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code --since}: an ISO-8601 instant, a UTC date-time or date, or an age such as {@code 30m} or {@code 7d}. */
final class TimeArgument {
    private static final Pattern AGE = Pattern.compile("(\\d+)([smhdw])");

    private TimeArgument() {
    }

    static Instant parse(String option, String text, Instant now) {
        String t = text.trim();
        Matcher age = AGE.matcher(t);
        if (age.matches()) {
            long n = Long.parseLong(age.group(1));
            Duration d = switch (age.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            return now.minus(d);
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException notAnInstant) {
            // try the forms without a zone, read as UTC
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notADateTime) {
            // try a plain date
        }
        try {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw CliException.usage(option + " '" + text + "' is not a time; give an ISO-8601 UTC time "
                    + "(2026-08-01T10:00:00Z), a date (2026-08-01) or an age (30m, 2h, 7d)");
        }
    }
}
