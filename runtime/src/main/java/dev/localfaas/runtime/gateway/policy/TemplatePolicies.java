package dev.localfaas.runtime.gateway.policy;

import static dev.localfaas.runtime.gateway.policy.TemplateSettings.map;
import static dev.localfaas.runtime.gateway.policy.TemplateSettings.strings;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.localfaas.runtime.config.ApiResource;
import dev.localfaas.runtime.config.EventSource;
import dev.localfaas.runtime.config.FunctionResource;
import dev.localfaas.runtime.config.ProjectModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The template's access rules as route policies: each HTTP event's route gets its API's {@code Cors}/
 * {@code CorsConfiguration}, the authorizer its {@code Auth.Authorizer} names (else the API's
 * {@code DefaultAuthorizer}; {@code NONE} opens it) — JWT or Lambda — with its {@code AuthorizationScopes},
 * {@code ApiKeyRequired} (the event's, else the API's), and its throttle from the stage settings
 * ({@link RouteThrottles}). Usage plans and keys come from {@link TemplateUsagePlans}.
 *
 * @param warnings one line per setting read but not enforced, or that needs the user's hand (a key to create)
 */
public record TemplatePolicies(AccessPolicies policies, List<String> warnings, List<UsagePlan> plans,
                               List<ApiKeys.TemplateKey> keys) {

    /** The policies with API keys from the state folder ({@code faas keys}) and the template. */
    public AccessPolicies withKeysIn(Path stateDir) {
        return policies.withApiKeys(new ApiKeys(ApiKeyStore.open(stateDir), KeyUsage.open(stateDir), plans, keys));
    }

    /**
     * @param keys where an issuer's keys come from: {@link KeySources#discovered} as API Gateway does, or a local
     *             JWKS that {@code faas run --jwks} names
     */
    public static TemplatePolicies from(ProjectModel model, Function<String, JWKSource<SecurityContext>> keys) {
        List<String> warnings = new ArrayList<>();
        Map<String, ApiResource> apis = new HashMap<>();
        model.apis().forEach(a -> apis.put(a.logicalId(), a));
        Map<String, Object> authorizers = new HashMap<>();
        Map<String, RoutePolicy> routes = new HashMap<>();
        List<String> functionNames = model.functions().stream().map(FunctionResource::name).toList();
        for (FunctionResource f : model.functions()) {
            for (EventSource e : f.events()) {
                if (!(e instanceof EventSource.Http h)) {
                    continue;
                }
                ApiResource api = apis.get(h.api());
                CorsRule cors = api == null ? null : CorsRule.fromTemplate(api.cors());
                Map<?, ?> apiAuth = api == null ? Map.of() : map(api.auth());
                Map<?, ?> eventAuth = map(h.auth());
                Object named = eventAuth.containsKey("Authorizer") ? eventAuth.get("Authorizer")
                        : apiAuth.get("DefaultAuthorizer");
                Object authorizer = null;
                if (named != null && !"NONE".equals(named)) {
                    authorizer = authorizers.computeIfAbsent(h.api() + "/" + named,
                            k -> authorizer(h, apiAuth, named.toString(), keys, warnings, functionNames));
                }
                List<String> scopes = strings(eventAuth.containsKey("AuthorizationScopes")
                        ? eventAuth.get("AuthorizationScopes") : apiAuth.get("DefaultAuthorizationScopes"));
                RoutePolicy policy = new RoutePolicy(cors, authorizer instanceof JwtAuthorizer j ? j : null, scopes)
                        .withLambda(authorizer instanceof LambdaAuthorizer l ? l : null);
                boolean keyRequired = Boolean.parseBoolean(String.valueOf(eventAuth.containsKey("ApiKeyRequired")
                        ? eventAuth.get("ApiKeyRequired") : apiAuth.get("ApiKeyRequired")));
                boolean fromAuthorizer = api != null
                        && "AUTHORIZER".equals(String.valueOf(api.stageSettings().get("ApiKeySourceType")));
                policy = policy.withApiKey(h.api(), keyRequired, fromAuthorizer);
                if (api != null) {
                    policy = policy.withThrottle(RouteThrottles.bucket(api, h.method().toUpperCase(Locale.ROOT), h.path()));
                }
                if (policy.enforces()) {
                    routes.put(AccessPolicies.key(f.name(), h.method().toUpperCase(Locale.ROOT) + " " + h.path()), policy);
                }
            }
        }
        for (ApiResource api : model.apis()) {
            if (map(api.auth()).containsKey("ResourcePolicy")) {
                warnings.add(api.logicalId() + ": Auth.ResourcePolicy is read but not enforced; requests pass "
                        + "without it (docs/auth.md)");
            }
        }
        TemplateUsagePlans usage = TemplateUsagePlans.from(model);
        warnings.addAll(usage.notes());
        return new TemplatePolicies(new AccessPolicies(routes, RoutePolicy.OPEN), warnings, usage.plans(), usage.keys());
    }

    /** The authorizer {@code name} of the event's API: a {@link JwtAuthorizer}, a {@link LambdaAuthorizer}, or null. */
    private static Object authorizer(EventSource.Http h, Map<?, ?> apiAuth, String name,
                                     Function<String, JWKSource<SecurityContext>> keys, List<String> warnings,
                                     List<String> functions) {
        Map<?, ?> all = map(apiAuth.get("Authorizers"));
        if (!(all.get(name) instanceof Map<?, ?> authorizer)) {
            warnings.add(h.api() + ": authorizer " + name + " is not under Auth.Authorizers; route "
                    + h.method() + " " + h.path() + " is refused (401) until it is");
            return new JwtAuthorizer(name, "", List.of(), "Authorization", KeySources.secret(new byte[32]),
                    JwtAuthorizer.PUBLIC_KEY_ALGORITHMS, java.time.Duration.ZERO); // no key matches: refuses all
        }
        if (TemplateAuthorizers.isLambda(authorizer)) {
            try {
                LambdaAuthorizer lambda = TemplateAuthorizers.lambda(name, authorizer, h.kind());
                if (functions.stream().noneMatch(f -> f.equals(lambda.function()))) {
                    warnings.add(h.api() + ": authorizer " + name + " names function " + lambda.function() + ", which "
                            + "is not in this project; its routes answer 500 until it is");
                }
                return lambda;
            } catch (IllegalArgumentException e) {
                warnings.add(h.api() + ": " + e.getMessage() + "; route " + h.method() + " " + h.path()
                        + " is refused (500) until it is fixed");
                return new LambdaAuthorizer(name, "", LambdaAuthorizer.Kind.HTTP_2_0, IdentitySources.of(), null,
                        false, java.time.Duration.ZERO); // names no function: every call fails as misconfigured
            }
        }
        if (!(authorizer.get("JwtConfiguration") instanceof Map<?, ?> config)) {
            warnings.add(h.api() + ": authorizer " + name + " is neither a JWT nor a Lambda authorizer (Cognito user "
                    + "pools are not emulated); route " + h.method() + " " + h.path() + " is open");
            return null;
        }
        String issuer = String.valueOf(config.get("issuer") != null ? config.get("issuer") : config.get("Issuer"));
        List<String> audiences = strings(config.get("audience") != null ? config.get("audience") : config.get("Audience"));
        String source = String.valueOf(authorizer.get("IdentitySource") == null
                ? "$request.header.Authorization" : authorizer.get("IdentitySource"));
        String header = source.startsWith("$request.header.") ? source.substring("$request.header.".length()) : "Authorization";
        return JwtAuthorizer.publicKeys(name, issuer, audiences, header, keys.apply(issuer));
    }
}
