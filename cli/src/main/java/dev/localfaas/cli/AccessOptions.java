package dev.localfaas.cli;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.localfaas.runtime.config.Project;
import dev.localfaas.runtime.gateway.policy.AccessPolicies;
import dev.localfaas.runtime.gateway.policy.ApiKeyStore;
import dev.localfaas.runtime.gateway.policy.ApiKeys;
import dev.localfaas.runtime.gateway.policy.KeyUsage;
import dev.localfaas.runtime.gateway.policy.CorsRule;
import dev.localfaas.runtime.gateway.policy.JwtAuthorizer;
import dev.localfaas.runtime.gateway.policy.KeySources;
import dev.localfaas.runtime.gateway.policy.LocalKey;
import dev.localfaas.runtime.gateway.policy.RoutePolicy;
import dev.localfaas.runtime.gateway.policy.TemplatePolicies;
import dev.localfaas.runtime.gateway.policy.TokenBucket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * {@code faas run}'s access options. With a template its API's {@code Auth} and {@code Cors} decide and only
 * {@code --jwks}/{@code --jwt-key} apply; for a folder of JARs the other options give every route one policy.
 */
final class AccessOptions {

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", description = "Folder without a template: answer CORS "
            + "for this origin (repeatable, * for any) on every route, as an HTTP API CorsConfiguration would.")
    List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--jwt-issuer", paramLabel = "ISSUER", description = "Folder without a template: every route "
            + "needs a JWT from this issuer (localfaas: the tokens of faas token).")
    String jwtIssuer;

    @Option(names = "--jwt-audience", paramLabel = "AUD", description = "With --jwt-issuer: accepted audiences "
            + "(repeatable; default: localfaas for the local issuer, any otherwise).")
    List<String> jwtAudiences = new ArrayList<>();

    @Option(names = "--jwt-scope", paramLabel = "SCOPE", description = "With --jwt-issuer: a token needs one of "
            + "these scopes (repeatable).")
    List<String> jwtScopes = new ArrayList<>();

    @Option(names = "--jwks", paramLabel = "FILE", description = "Verify every JWT authorizer's tokens with this "
            + "JWKS file instead of fetching the issuer's keys.")
    Path jwks;

    @Option(names = "--jwt-key", paramLabel = "FILE", description = "The local issuer's key "
            + "(default: ~/.localfaas/jwt-key.json; faas token signs with it).")
    Path jwtKey;

    @Option(names = "--throttle-rate", paramLabel = "RPS", description = "Throttle the stage: requests per second "
            + "over all routes, beyond which callers get 429 (API Gateway's account default is 10000).")
    Double throttleRate;

    @Option(names = "--throttle-burst", paramLabel = "N", description = "With --throttle-rate: requests allowed at "
            + "once (default: the rate, at least 1).")
    Integer throttleBurst;

    @Option(names = "--api-key-required", description = "Folder without a template: every route needs an API key "
            + "(x-api-key) in a usage plan; make them with faas keys plan and faas keys create.")
    boolean apiKeyRequired;

    Path keyFile() {
        return jwtKey != null ? jwtKey : LocalKey.defaultFile();
    }

    /**
     * The policies to enforce, with the API keys of {@code stateDir} ({@code faas keys}); warnings for what a template
     * declares that is not enforced go to {@code warn}.
     */
    AccessPolicies policies(Project template, Path stateDir, Consumer<String> warn) {
        AccessPolicies policies = rules(template, stateDir, warn);
        if (throttleRate == null) {
            if (throttleBurst != null) {
                throw CliException.usage("--throttle-burst needs --throttle-rate; give both, e.g. --throttle-rate 5 --throttle-burst 10");
            }
            return policies;
        }
        try {
            int burst = throttleBurst != null ? throttleBurst : (int) Math.max(1, Math.ceil(throttleRate));
            return policies.withStageThrottle(new TokenBucket(throttleRate, burst));
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    private AccessPolicies rules(Project template, Path stateDir, Consumer<String> warn) {
        try {
            if (template != null) {
                if (!corsOrigins.isEmpty() || jwtIssuer != null || apiKeyRequired) {
                    throw CliException.usage("--cors-origin, --jwt-issuer and --api-key-required are for a folder "
                            + "without a template; declare Cors and Auth on the template's API instead");
                }
                TemplatePolicies read = TemplatePolicies.from(template.model(), this::keys);
                read.warnings().forEach(warn);
                return read.withKeysIn(stateDir);
            }
            AccessPolicies keys = new AccessPolicies(Map.of(), RoutePolicy.OPEN).withApiKeys(
                    new ApiKeys(ApiKeyStore.open(stateDir), KeyUsage.open(stateDir), List.of(), List.of()));
            if (corsOrigins.isEmpty() && jwtIssuer == null && !apiKeyRequired) {
                return AccessPolicies.NONE;
            }
            return new AccessPolicies(Map.of(), folderPolicy(), null, keys.apiKeys());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    private RoutePolicy folderPolicy() {
        CorsRule cors = corsOrigins.isEmpty() ? null
                : new CorsRule(corsOrigins, List.of("*"), List.of("*"), List.of(), -1, false);
        List<String> audiences = jwtAudiences.isEmpty() && LocalKey.ISSUER.equals(jwtIssuer)
                ? List.of(LocalKey.AUDIENCE) : jwtAudiences;
        JwtAuthorizer jwt = jwtIssuer == null ? null
                : JwtAuthorizer.publicKeys(jwtIssuer, jwtIssuer, audiences, "Authorization", keys(jwtIssuer));
        return new RoutePolicy(cors, jwt, jwtScopes).withApiKey("", apiKeyRequired, false);
    }

    private JWKSource<SecurityContext> keys(String issuer) {
        try {
            if (jwks != null) {
                return KeySources.file(jwks);
            }
            if (LocalKey.ISSUER.equals(issuer)) {
                return new ImmutableJWKSet<>(LocalKey.loadOrCreate(keyFile()).publicKeys());
            }
            return KeySources.discovered(issuer);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }
}
