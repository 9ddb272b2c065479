package dev.localfaas.runtime.traffic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * CodeDeploy's predefined Lambda deployment configurations: how much of the alias's traffic the new version takes,
 * and for how long, before the next step. The last step always gives it all the traffic.
 */
public enum DeploymentType {
    ALL_AT_ONCE("AllAtOnce", 0, 0, false),
    CANARY_10_5("Canary10Percent5Minutes", 10, 5, false),
    CANARY_10_10("Canary10Percent10Minutes", 10, 10, false),
    CANARY_10_15("Canary10Percent15Minutes", 10, 15, false),
    CANARY_10_30("Canary10Percent30Minutes", 10, 30, false),
    LINEAR_10_1("Linear10PercentEvery1Minute", 10, 1, true),
    LINEAR_10_2("Linear10PercentEvery2Minutes", 10, 2, true),
    LINEAR_10_3("Linear10PercentEvery3Minutes", 10, 3, true),
    LINEAR_10_10("Linear10PercentEvery10Minutes", 10, 10, true);

    /** One stage: the new version's share of calls, held for a while. */
    public record Step(double weight, Duration hold) {
    }

    private final String label;
    private final int percent;
    private final int minutes;
    private final boolean linear;

    DeploymentType(String label, int percent, int minutes, boolean linear) {
        this.label = label;
        this.percent = percent;
        this.minutes = minutes;
        this.linear = linear;
    }

    public String label() {
        return label;
    }

    /** The shares before the final 100%, each held {@code minutes}; none for all-at-once. */
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        if (this == ALL_AT_ONCE) {
            return steps;
        }
        Duration hold = Duration.ofMinutes(minutes);
        if (!linear) {
            steps.add(new Step(percent / 100.0, hold));
            return steps;
        }
        for (int p = percent; p < 100; p += percent) {
            steps.add(new Step(p / 100.0, hold));
        }
        return steps;
    }

    public static Optional<DeploymentType> of(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
    }

    public static String labels() {
        return String.join(", ", Arrays.stream(values()).map(DeploymentType::label).toList());
    }
}
