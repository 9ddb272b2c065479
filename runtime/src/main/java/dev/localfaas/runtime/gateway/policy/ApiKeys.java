package dev.localfaas.runtime.gateway.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API keys and usage plans as a REST API enforces them on a route with {@code ApiKeyRequired}: the key from the
 * {@code x-api-key} header (or the Lambda authorizer's {@code usageIdentifierKey} when the API's key source is
 * AUTHORIZER), 403 {@code Forbidden} when it is missing, unknown or in no plan of the API, then the plan's throttle
 * and quota ({@link KeyUsage}). Keys come from {@code faas keys create} ({@link ApiKeyStore}) and from the template's
 * {@code AWS::ApiGateway::ApiKey} resources with a {@code Value}; a template key without one lends its plans to the
 * {@code faas keys} key of the same name.
 */
public final class ApiKeys {

    public static final String HEADER = "x-api-key";

    /** A key the template declares: {@code value} null when API Gateway would generate it. */
    public record TemplateKey(String id, String name, String value, boolean enabled, List<String> plans) {
        public TemplateKey {
            plans = List.copyOf(plans);
        }
    }

    private final ApiKeyStore store;
    private final KeyUsage usage;
    private final Map<String, UsagePlan> templatePlans = new LinkedHashMap<>();
    private final List<TemplateKey> templateKeys;

    public ApiKeys(ApiKeyStore store, KeyUsage usage, List<UsagePlan> templatePlans, List<TemplateKey> templateKeys) {
        this.store = store;
        this.usage = usage;
        templatePlans.forEach(p -> this.templatePlans.put(p.name(), p));
        this.templateKeys = List.copyOf(templateKeys);
    }

    /** Every plan known: the template's, then those of {@code faas keys plan} not named the same. */
    public List<UsagePlan> plans() {
        Map<String, UsagePlan> all = new LinkedHashMap<>(templatePlans);
        store.plans().forEach(p -> all.putIfAbsent(p.name(), p));
        return List.copyOf(all.values());
    }

    /**
     * Admits a request to a route of {@code api} that requires a key.
     *
     * @param fromAuthorizer the authorizer's usageIdentifierKey when the API's key source is AUTHORIZER, else null
     */
    public Decision admit(PolicyRequest request, String api, boolean authorizerSource, String fromAuthorizer) {
        String value = authorizerSource ? fromAuthorizer : request.header(HEADER).orElse(null);
        String rule = "api key: ";
        if (value == null || value.isBlank()) {
            return Decision.forbidden(rule + (authorizerSource ? "the authorizer returned no usageIdentifierKey"
                    : "no " + HEADER + " header"));
        }
        Optional<ApiKeyStore.StoredKey> key = resolve(value.trim());
        if (key.isEmpty()) {
            return Decision.forbidden(rule + "unknown key " + value.substring(0, Math.min(4, value.length())) + "...");
        }
        if (!key.get().enabled()) {
            return Decision.forbidden(rule + "key " + key.get().name() + " is disabled");
        }
        Map<String, UsagePlan> plans = new LinkedHashMap<>();
        plans().forEach(p -> plans.put(p.name(), p));
        Optional<UsagePlan> plan = key.get().plans().stream().map(plans::get)
                .filter(p -> p != null && p.covers(api)).findFirst();
        if (plan.isEmpty()) {
            return Decision.forbidden(rule + "key " + key.get().name() + " is in no usage plan of API " + api
                    + " (its plans: " + key.get().plans() + ")");
        }
        Decision d = usage.admit(key.get(), plan.get());
        return d.allowed() ? d.withApiKey(new ApiKey(key.get().id(), key.get().name(), value.trim())) : d;
    }

    private Optional<ApiKeyStore.StoredKey> resolve(String value) {
        byte[] given = value.getBytes(StandardCharsets.UTF_8);
        for (TemplateKey t : templateKeys) {
            if (t.value() != null && MessageDigest.isEqual(given, t.value().getBytes(StandardCharsets.UTF_8))) {
                return Optional.of(new ApiKeyStore.StoredKey(t.id(), t.name(), "", t.plans(), "", t.enabled()));
            }
        }
        return store.find(value).map(stored -> {
            List<String> plans = new ArrayList<>(stored.plans());
            templateKeys.stream().filter(t -> t.value() == null && t.name().equals(stored.name()))
                    .forEach(t -> plans.addAll(t.plans()));
            return new ApiKeyStore.StoredKey(stored.id(), stored.name(), stored.sha256(), plans, stored.created(),
                    stored.enabled());
        });
    }

    /** Writes the usage counts kept in memory. */
    public void flush() {
        usage.flush();
    }
}
