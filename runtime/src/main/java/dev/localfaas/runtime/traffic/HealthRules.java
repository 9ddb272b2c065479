package dev.localfaas.runtime.traffic;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The local stand-in for a deployment's CloudWatch alarms: limits on a version's error rate, timeout rate and p99
 * latency over a sliding window, judged once the window holds at least {@code minRequests} calls. A limit of 0 (or
 * less) is off.
 *
 * @param errorRate   the share of calls that may fail (errors and timeouts), e.g. 0.1
 * @param timeoutRate the share of calls that may time out
 * @param p99Millis   the slowest 1% may take at most this long
 * @param window      how far back the rules look
 * @param minRequests calls needed in the window before a rule can be breached
 */
public record HealthRules(double errorRate, double timeoutRate, long p99Millis, Duration window, int minRequests) {

    /** Used when a deployment names no alarms, and for {@code /_faas/health}: 10% errors over 60 s, 10 calls. */
    public static final HealthRules DEFAULT = new HealthRules(0.10, 0, 0, Duration.ofSeconds(60), 10);

    /** No rule at all: {@code Alarms: []} turns automatic rollback off. */
    public static final HealthRules NONE = new HealthRules(0, 0, 0, Duration.ofSeconds(60), 10);

    /**
     * Reads a template's {@code Alarms}: each item a mapping of local rule keys ({@code ErrorRate: 5%},
     * {@code TimeoutRate: 1%}, {@code P99: 800ms}, {@code Window: 30s}, {@code MinRequests: 20}), merged. A plain
     * name (a {@code !Ref} to a CloudWatch alarm) cannot be evaluated here: it is reported and the defaults apply.
     *
     * @throws IllegalArgumentException with a one-line message for an unknown key or a bad value
     */
    public static HealthRules parse(Object alarms, Consumer<String> warnings) {
        if (alarms == null) {
            return DEFAULT;
        }
        if (!(alarms instanceof List<?> items)) {
            throw new IllegalArgumentException("DeploymentPreference.Alarms must be a list of local rules such as "
                    + "- ErrorRate: 5%");
        }
        if (items.isEmpty()) {
            return NONE;
        }
        HealthRules rules = NONE;
        boolean anyRule = false;
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> map)) {
                warnings.accept("alarm " + item + " is a CloudWatch alarm, which localfaas cannot evaluate; the default"
                        + " local rule (error rate over 10% in 60 s) stands in for it; write local rules such as"
                        + " '- ErrorRate: 5%' (docs/traffic.md)");
                continue;
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                String value = String.valueOf(e.getValue()).trim();
                anyRule = true;
                rules = switch (key) {
                    case "ErrorRate" -> new HealthRules(share(key, value), rules.timeoutRate, rules.p99Millis,
                            rules.window, rules.minRequests);
                    case "TimeoutRate" -> new HealthRules(rules.errorRate, share(key, value), rules.p99Millis,
                            rules.window, rules.minRequests);
                    case "P99", "P99Latency" -> new HealthRules(rules.errorRate, rules.timeoutRate,
                            duration(key, value).toMillis(), rules.window, rules.minRequests);
                    case "Window" -> new HealthRules(rules.errorRate, rules.timeoutRate, rules.p99Millis,
                            duration(key, value), rules.minRequests);
                    case "MinRequests" -> new HealthRules(rules.errorRate, rules.timeoutRate, rules.p99Millis,
                            rules.window, count(key, value));
                    default -> throw new IllegalArgumentException("Alarms key " + key + " is not a local health rule;"
                            + " use ErrorRate, TimeoutRate, P99, Window or MinRequests (docs/traffic.md)");
                };
            }
        }
        return anyRule ? rules : DEFAULT;
    }

    public boolean any() {
        return errorRate > 0 || timeoutRate > 0 || p99Millis > 0;
    }

    /** {@code error rate > 10% or p99 > 800 ms over 60 s (at least 10 calls)}. */
    public String describe() {
        if (!any()) {
            return "no rule";
        }
        StringBuilder b = new StringBuilder();
        if (errorRate > 0) {
            b.append("error rate > ").append(percent(errorRate));
        }
        if (timeoutRate > 0) {
            b.append(b.isEmpty() ? "" : " or ").append("timeout rate > ").append(percent(timeoutRate));
        }
        if (p99Millis > 0) {
            b.append(b.isEmpty() ? "" : " or ").append("p99 > ").append(p99Millis).append(" ms");
        }
        return b + " over " + window.toSeconds() + " s (at least " + minRequests + " calls)";
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100).replace(".0%", "%");
    }

    private static double share(String key, String value) {
        try {
            double v = value.endsWith("%") ? Double.parseDouble(value.substring(0, value.length() - 1)) / 100
                    : Double.parseDouble(value);
            if (v < 0 || v > 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Alarms " + key + " '" + value + "' is not a share; write 5% or 0.05");
        }
    }

    private static Duration duration(String key, String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m)?").matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("Alarms " + key + " '" + value + "' is not a duration; write 800ms, "
                    + "30s or 5m");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? (key.startsWith("P99") ? "ms" : "s") : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private static int count(String key, String value) {
        try {
            return Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Alarms " + key + " '" + value + "' is not a whole number");
        }
    }
}
