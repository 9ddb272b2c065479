package dev.localfaas.runtime.trigger.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How firing times are shown: ISO-8601 UTC first ({@code 2027-01-31T12:00:00Z}), local time beside it. */
public final class FiringFormat {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss z",
            Locale.ROOT);

    private FiringFormat() {
    }

    /** {@code 2027-01-31T12:00:00Z}. */
    public static String utc(Instant firing) {
        return DateTimeFormatter.ISO_INSTANT.format(firing);
    }

    /** {@code Sun 2027-01-31 13:00:00 CET}: with the weekday, since cron's day-of-week is about it. */
    public static String local(Instant firing, ZoneId zone) {
        return LOCAL.format(firing.atZone(zone));
    }

    /** {@code 2027-01-31T12:00:00Z  Sun 2027-01-31 13:00:00 CET}. */
    public static String utcAndLocal(Instant firing, ZoneId zone) {
        return utc(firing) + "  " + local(firing, zone);
    }
}
