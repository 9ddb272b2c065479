package dev.localfaas.runtime.trigger.schedule;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The units of {@code rate(value unit)}: each knows its singular and plural spelling and whether AWS accepts it. */
enum RateUnit {
    SECOND("second", "seconds", Duration.ofSeconds(1), false),
    MINUTE("minute", "minutes", Duration.ofMinutes(1), true),
    HOUR("hour", "hours", Duration.ofHours(1), true),
    DAY("day", "days", Duration.ofDays(1), true);

    private final String singular;
    private final String plural;
    private final Duration length;
    private final boolean acceptedByAws;

    RateUnit(String singular, String plural, Duration length, boolean acceptedByAws) {
        this.singular = singular;
        this.plural = plural;
        this.length = length;
        this.acceptedByAws = acceptedByAws;
    }

    static Optional<RateUnit> bySpelling(String word) {
        return Arrays.stream(values()).filter(u -> u.singular.equals(word) || u.plural.equals(word)).findFirst();
    }

    String spelling(long value) {
        return value == 1 ? singular : plural;
    }

    boolean isPlural(String word) {
        return plural.equals(word);
    }

    Duration length() {
        return length;
    }

    boolean acceptedByAws() {
        return acceptedByAws;
    }
}
