package dev.localfaas.runtime.gateway.policy;

import static dev.localfaas.runtime.gateway.policy.TemplateSettings.map;
import static dev.localfaas.runtime.gateway.policy.TemplateSettings.number;
import static dev.localfaas.runtime.gateway.policy.TemplateSettings.text;

import dev.localfaas.runtime.config.ApiAccessResource;
import dev.localfaas.runtime.config.ApiResource;
import dev.localfaas.runtime.config.ProjectModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template's usage plans and API keys: {@code AWS::ApiGateway::UsagePlan} ({@code Throttle}, {@code Quota},
 * {@code ApiStages}), {@code AWS::ApiGateway::ApiKey} ({@code Name}, {@code Value}, {@code Enabled}) and the
 * {@code UsagePlanKey}s joining them; and SAM's {@code Auth.UsagePlan} on an API ({@code PER_API}: a plan
 * {@code <Api>UsagePlan}; {@code SHARED}: one {@code ServerlessUsagePlan} for all such APIs).
 */
record TemplateUsagePlans(List<UsagePlan> plans, List<ApiKeys.TemplateKey> keys, List<String> notes) {

    static TemplateUsagePlans from(ProjectModel model) {
        Map<String, UsagePlan> plans = new LinkedHashMap<>();
        Map<String, String> planNames = new LinkedHashMap<>(); // logical id -> plan name
        List<String> notes = new ArrayList<>();
        for (ApiAccessResource r : model.apiAccess()) {
            if (r.type().equals(ApiAccessResource.USAGE_PLAN)) {
                Map<?, ?> p = r.properties();
                String name = text(p, "UsagePlanName", r.logicalId());
                List<String> apis = new ArrayList<>();
                Object stages = p.get("ApiStages");
                if (stages instanceof List<?> list) {
                    list.forEach(s -> apis.add(text(map(s), "ApiId", "")));
                }
                plans.put(name, plan(name, map(p.get("Throttle")), map(p.get("Quota")), apis));
                planNames.put(r.logicalId(), name);
            }
        }
        Map<String, List<String>> keyPlans = new LinkedHashMap<>();
        for (ApiAccessResource r : model.apiAccess()) {
            if (r.type().equals(ApiAccessResource.USAGE_PLAN_KEY)) {
                String plan = text(r.properties(), "UsagePlanId", "");
                keyPlans.computeIfAbsent(text(r.properties(), "KeyId", ""), k -> new ArrayList<>())
                        .add(planNames.getOrDefault(plan, plan));
            }
        }
        for (ApiResource api : model.apis()) {
            Map<?, ?> usage = map(map(api.auth()).get("UsagePlan"));
            String create = text(usage, "CreateUsagePlan", "NONE");
            if (create.equals("PER_API") || create.equals("SHARED")) {
                String name = create.equals("SHARED") ? "ServerlessUsagePlan"
                        : text(usage, "UsagePlanName", api.logicalId() + "UsagePlan");
                UsagePlan known = plans.get(name);
                List<String> apis = new ArrayList<>(known == null ? List.of() : known.apis());
                apis.add(api.logicalId());
                plans.put(name, plan(name, map(usage.get("Throttle")), map(usage.get("Quota")), apis));
                notes.add(api.logicalId() + ": Auth.UsagePlan makes usage plan " + name + "; give a caller a key with "
                        + "faas keys create NAME --plan " + name);
            }
        }
        List<ApiKeys.TemplateKey> keys = new ArrayList<>();
        for (ApiAccessResource r : model.apiAccess()) {
            if (r.type().equals(ApiAccessResource.API_KEY)) {
                Map<?, ?> p = r.properties();
                String name = text(p, "Name", r.logicalId());
                boolean enabled = !"false".equalsIgnoreCase(text(p, "Enabled", "true"));
                List<String> joined = new ArrayList<>(keyPlans.getOrDefault(r.logicalId(), List.of()));
                joined.addAll(keyPlans.getOrDefault(name, List.of()));
                keys.add(new ApiKeys.TemplateKey(r.logicalId(), name, text(p, "Value", null), enabled, joined));
                if (p.get("Value") == null) {
                    notes.add(r.logicalId() + ": API Gateway would generate this key's value; make it locally with "
                            + "faas keys create " + name + " (it gets the key's usage plans)");
                }
            }
        }
        return new TemplateUsagePlans(List.copyOf(plans.values()), keys, notes);
    }

    private static UsagePlan plan(String name, Map<?, ?> throttle, Map<?, ?> quota, List<String> apis) {
        double rate = number(throttle, "RateLimit", 0);
        int burst = (int) number(throttle, "BurstLimit", 0);
        long limit = (long) number(quota, "Limit", 0);
        return new UsagePlan(name, rate, burst, limit, text(quota, "Period", "DAY"), apis);
    }
}
