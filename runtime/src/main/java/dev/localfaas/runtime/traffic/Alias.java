package dev.localfaas.runtime.traffic;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A named pointer to a version, with at most one additional version taking a share of the calls, as Lambda's
 * {@code RoutingConfig.AdditionalVersionWeights} allows.
 *
 * @param function    the function's name
 * @param name        the alias ({@code live})
 * @param version     the primary version, a number or {@code $LATEST}
 * @param description what it is for, "" when nothing
 * @param weights     additional version to its share of the calls (0.0 to 1.0); empty or one entry
 * @param revisionId  changes on every update, as Lambda's RevisionId
 */
public record Alias(String function, String name, String version, String description, Map<String, Double> weights,
                    String revisionId) {

    public Alias {
        weights = Map.copyOf(weights);
        description = description == null ? "" : description;
    }

    /** The version one call runs: the additional version for its share of calls, else the primary. */
    String pick() {
        if (weights.isEmpty()) {
            return version;
        }
        Map.Entry<String, Double> extra = weights.entrySet().iterator().next();
        return ThreadLocalRandom.current().nextDouble() < extra.getValue() ? extra.getKey() : version;
    }

    public Optional<Map.Entry<String, Double>> additional() {
        return weights.entrySet().stream().findFirst();
    }

    /** {@code 3}, or {@code 3 (90%) + 4 (10%)}. */
    public String describeRouting() {
        return additional().map(e -> version + " (" + percent(1 - e.getValue()) + ") + " + e.getKey() + " ("
                + percent(e.getValue()) + ")").orElse(version);
    }

    private static String percent(double share) {
        double p = share * 100;
        return (p == Math.rint(p) ? Long.toString((long) p) : String.format(java.util.Locale.ROOT, "%.1f", p)) + "%";
    }
}
