package dev.localfaas.runtime.gateway.policy;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.localfaas.runtime.config.ApiResource;
import dev.localfaas.runtime.config.EventSource;
import dev.localfaas.runtime.config.FunctionResource;
import dev.localfaas.runtime.config.ProjectModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The template's access rules as route policies: each HTTP event's route gets its API's {@code Cors}/
 * {@code CorsConfiguration} and the JWT authorizer its {@code Auth.Authorizer} names (else the API's
 * {@code DefaultAuthorizer}; {@code NONE} opens it), with its {@code AuthorizationScopes}.
 *
 * @param warnings one line per setting read but not enforced (Lambda authorizers, API keys, resource policies)
 */
public record TemplatePolicies(AccessPolicies policies, List<String> warnings) {

    /**
     * @param keys where an issuer's keys come from: {@link KeySources#discovered} as API Gateway does, or a local
     *             JWKS that {@code faas run --jwks} names
     */
    public static TemplatePolicies from(ProjectModel model, Function<String, JWKSource<SecurityContext>> keys) {
        List<String> warnings = new ArrayList<>();
        Map<String, ApiResource> apis = new HashMap<>();
        model.apis().forEach(a -> apis.put(a.logicalId(), a));
        Map<String, JwtAuthorizer> authorizers = new HashMap<>();
        Map<String, RoutePolicy> routes = new HashMap<>();
        for (FunctionResource f : model.functions()) {
            for (EventSource e : f.events()) {
                if (!(e instanceof EventSource.Http h)) {
                    continue;
                }
                ApiResource api = apis.get(h.api());
                CorsRule cors = api == null ? null : CorsRule.fromTemplate(api.cors());
                Map<?, ?> apiAuth = api != null && api.auth() instanceof Map<?, ?> m ? m : Map.of();
                Map<?, ?> eventAuth = h.auth() instanceof Map<?, ?> m ? m : Map.of();
                Object named = eventAuth.containsKey("Authorizer") ? eventAuth.get("Authorizer")
                        : apiAuth.get("DefaultAuthorizer");
                JwtAuthorizer jwt = null;
                if (named != null && !"NONE".equals(named)) {
                    jwt = authorizers.computeIfAbsent(h.api() + "/" + named,
                            k -> jwt(h, apiAuth, named.toString(), keys, warnings));
                }
                List<String> scopes = strings(eventAuth.containsKey("AuthorizationScopes")
                        ? eventAuth.get("AuthorizationScopes") : apiAuth.get("DefaultAuthorizationScopes"));
                if (cors != null || jwt != null) {
                    routes.put(AccessPolicies.key(f.name(), h.method() + " " + h.path()),
                            new RoutePolicy(cors, jwt, scopes));
                }
            }
        }
        for (ApiResource api : model.apis()) {
            if (api.auth() instanceof Map<?, ?> auth) {
                for (String ignored : List.of("ApiKeyRequired", "UsagePlan", "ResourcePolicy")) {
                    if (auth.containsKey(ignored)) {
                        warnings.add(api.logicalId() + ": Auth." + ignored + " is read but not enforced yet; "
                                + "requests pass without it (docs/auth.md)");
                    }
                }
            }
        }
        return new TemplatePolicies(new AccessPolicies(routes, RoutePolicy.OPEN), warnings);
    }

    private static JwtAuthorizer jwt(EventSource.Http h, Map<?, ?> apiAuth, String name,
                                     Function<String, JWKSource<SecurityContext>> keys, List<String> warnings) {
        Map<?, ?> all = apiAuth.get("Authorizers") instanceof Map<?, ?> m ? m : Map.of();
        if (!(all.get(name) instanceof Map<?, ?> authorizer)) {
            warnings.add(h.api() + ": authorizer " + name + " is not under Auth.Authorizers; route "
                    + h.method() + " " + h.path() + " is refused (401) until it is");
            return new JwtAuthorizer(name, "", List.of(), "Authorization", KeySources.secret(new byte[32]),
                    JwtAuthorizer.PUBLIC_KEY_ALGORITHMS, java.time.Duration.ZERO); // no key matches: refuses all
        }
        if (!(authorizer.get("JwtConfiguration") instanceof Map<?, ?> config)) {
            warnings.add(h.api() + ": authorizer " + name + " is not a JWT authorizer; Lambda and Cognito "
                    + "authorizers are not enforced yet, route " + h.method() + " " + h.path() + " is open");
            return null;
        }
        String issuer = String.valueOf(config.get("issuer") != null ? config.get("issuer") : config.get("Issuer"));
        List<String> audiences = strings(config.get("audience") != null ? config.get("audience") : config.get("Audience"));
        String source = String.valueOf(authorizer.get("IdentitySource") == null
                ? "$request.header.Authorization" : authorizer.get("IdentitySource"));
        String header = source.startsWith("$request.header.") ? source.substring("$request.header.".length()) : "Authorization";
        return JwtAuthorizer.publicKeys(name, issuer, audiences, header, keys.apply(issuer));
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        } else if (value != null) {
            out.add(String.valueOf(value));
        }
        return out;
    }
}
