package dev.localfaas.runtime.traffic;

import java.util.Map;
import java.util.function.Consumer;

/**
 * How an {@code AutoPublishAlias} moves to a newly published version: a SAM {@code DeploymentPreference}.
 *
 * @param type        the traffic-shifting schedule
 * @param rules       the local health rules that stand in for {@code Alarms}
 * @param preTraffic  the function run before any traffic shifts (a failure aborts the deployment), or null
 * @param postTraffic the function run once all traffic shifted (a failure rolls back), or null
 * @param enabled     false when the template says {@code Enabled: false}: the alias moves at once
 */
public record DeploymentPreference(DeploymentType type, HealthRules rules, String preTraffic, String postTraffic,
                                   boolean enabled) {

    /** What a function with {@code AutoPublishAlias} and no preference gets: the alias moves at once. */
    public static final DeploymentPreference ALL_AT_ONCE = new DeploymentPreference(DeploymentType.ALL_AT_ONCE,
            HealthRules.DEFAULT, null, null, true);

    /**
     * Reads a template's {@code DeploymentPreference} (plain maps and lists, intrinsics resolved).
     *
     * @throws IllegalArgumentException with a one-line message naming the bad key and the fix
     */
    public static DeploymentPreference parse(Object preference, Consumer<String> warnings) {
        if (preference == null) {
            return ALL_AT_ONCE;
        }
        if (!(preference instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("DeploymentPreference must be a mapping with Type, e.g. Type: "
                    + "Canary10Percent5Minutes");
        }
        Object typeName = map.get("Type");
        if (typeName == null) {
            throw new IllegalArgumentException("DeploymentPreference has no Type; use one of " + DeploymentType.labels());
        }
        DeploymentType type = DeploymentType.of(String.valueOf(typeName)).orElseThrow(() ->
                new IllegalArgumentException("DeploymentPreference Type " + typeName + " is not a Lambda deployment"
                        + " configuration; use one of " + DeploymentType.labels()));
        HealthRules rules = HealthRules.parse(map.get("Alarms"), warnings);
        String pre = null;
        String post = null;
        if (map.get("Hooks") instanceof Map<?, ?> hooks) {
            pre = hooks.get("PreTraffic") == null ? null : String.valueOf(hooks.get("PreTraffic"));
            post = hooks.get("PostTraffic") == null ? null : String.valueOf(hooks.get("PostTraffic"));
        }
        boolean enabled = !"false".equalsIgnoreCase(String.valueOf(map.get("Enabled")));
        return new DeploymentPreference(type, rules, pre, post, enabled);
    }
}
