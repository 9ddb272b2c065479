package dev.localfaas.runtime.trigger.schedule;

import java.util.List;

/** The six fields of an EventBridge cron expression, with their ranges, names and the wildcards each accepts. */
enum CronField {
    MINUTES("minutes", 0, 59, List.of(), ", - * /"),
    HOURS("hours", 0, 23, List.of(), ", - * /"),
    DAY_OF_MONTH("day-of-month", 1, 31, List.of(), ", - * ? / L W"),
    MONTH("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"),
            ", - * /"),
    DAY_OF_WEEK("day-of-week", 1, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"), ", - * ? L #"),
    YEAR("year", 1970, 2199, List.of(), ", - * /");

    private final String label;
    private final int min;
    private final int max;
    private final List<String> names;
    private final String wildcards;

    CronField(String label, int min, int max, List<String> names, String wildcards) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.names = names;
        this.wildcards = wildcards;
    }

    String label() {
        return label;
    }

    int min() {
        return min;
    }

    int max() {
        return max;
    }

    /** How many values the field has; ranges that wrap (22-2 hours) go round this many. */
    int span() {
        return max - min + 1;
    }

    boolean accepts(char wildcard) {
        return wildcards.indexOf(wildcard) >= 0;
    }

    String wildcards() {
        return wildcards;
    }

    /** Only a year range cannot wrap round: 2025-2020 is a mistake, while 22-2 hours means 22:00 to 02:00. */
    boolean wraps() {
        return this != YEAR;
    }

    /** The largest step a {@code /} may take: below a whole hour or day, up to 31 days, 12 months, any years. */
    int maxStep() {
        return this == MINUTES || this == HOURS ? max : span();
    }

    /** The allowed values, for messages: {@code 0-59}, {@code 1-12 or JAN-DEC}, {@code 1-7 or SUN-SAT (1 = Sunday)}. */
    String allowed() {
        String range = min + "-" + max;
        if (names.isEmpty()) {
            return range;
        }
        String named = range + " or " + names.get(0) + "-" + names.get(names.size() - 1);
        return this == DAY_OF_WEEK ? named + " (1 = Sunday)" : named;
    }

    /** The value of a name ({@code MAR} is 3, {@code SUN} is 1), or -1 when it is not one of this field's names. */
    int valueOfName(String name) {
        int i = names.indexOf(name);
        return i < 0 ? -1 : min + i;
    }

    boolean hasNames() {
        return !names.isEmpty();
    }
}
