package dev.localfaas.runtime.gateway.policy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An HTTP API JWT authorizer: the token from the identity source header, its signature checked against the
 * issuer's keys (Nimbus JOSE+JWT, never our own crypto), {@code iss}, {@code aud} (or {@code client_id}),
 * {@code exp}/{@code nbf}/{@code iat} with clock skew, and the route's scopes against {@code scope}/{@code scp}.
 * Any failure is API Gateway's 401 {@code {"message":"Unauthorized"}}; the reason goes to the log line only.
 */
public final class JwtAuthorizer {

    /** Asymmetric algorithms for published keys; HS256 only with a local secret. */
    static final Set<JWSAlgorithm> PUBLIC_KEY_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private final String name;
    private final String issuer;
    private final List<String> audiences;
    private final String identityHeader;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final long skewSeconds;
    private final JWKSource<SecurityContext> keys;
    /**
     * Tokens already verified, so a client that reuses its token pays the signature check once: the result of a
     * verification never changes for the same token string, except by time, and exp/nbf are checked again on a hit.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, JWTClaimsSet> verified = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int VERIFIED_CACHE = 10_000;

    /**
     * @param identityHeader the header of {@code $request.header.Authorization}
     * @param algorithms     what the keys may sign with ({@link #PUBLIC_KEY_ALGORITHMS}, or HS256 for a secret)
     */
    public JwtAuthorizer(String name, String issuer, List<String> audiences, String identityHeader,
                         JWKSource<SecurityContext> keys, Set<JWSAlgorithm> algorithms, Duration clockSkew) {
        this.name = name;
        this.issuer = issuer;
        this.audiences = List.copyOf(audiences);
        this.identityHeader = identityHeader;
        this.skewSeconds = clockSkew.toSeconds();
        this.keys = keys;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp"));
        claims.setMaxClockSkew((int) skewSeconds);
        processor.setJWTClaimsSetVerifier(claims);
    }

    public static JwtAuthorizer publicKeys(String name, String issuer, List<String> audiences, String identityHeader,
                                           JWKSource<SecurityContext> keys) {
        return new JwtAuthorizer(name, issuer, audiences, identityHeader, keys, PUBLIC_KEY_ALGORITHMS,
                Duration.ofMinutes(1));
    }

    public String name() {
        return name;
    }

    /**
     * Whether a check may wait on the network: until the issuer's discovery document and key set were first read.
     * Afterwards a token with an unknown kid still refetches the set, briefly, on whichever thread checks it.
     */
    public boolean mayBlock() {
        return keys instanceof KeySources.Discovered d && !d.loaded();
    }

    public String issuer() {
        return issuer;
    }

    /** Verifies the caller's token for a route that asks for {@code routeScopes} (empty: any valid token). */
    public Decision check(PolicyRequest request, List<String> routeScopes) {
        String rule = "jwt " + name + ": ";
        String token = request.header(identityHeader).map(String::trim).orElse("");
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).trim();
        }
        if (token.isEmpty()) {
            return Decision.unauthorized(rule + "no token in " + identityHeader);
        }
        JWTClaimsSet claims = verified.get(token);
        if (claims != null && !stillValid(claims)) {
            verified.remove(token);
            claims = null;
        }
        if (claims == null) {
            try {
                claims = processor.process(token, null);
            } catch (ParseException e) {
                return Decision.unauthorized(rule + "not a JWT");
            } catch (BadJOSEException | JOSEException e) {
                return Decision.unauthorized(rule + e.getMessage());
            }
            if (verified.size() >= VERIFIED_CACHE) {
                verified.clear();
            }
            verified.put(token, claims);
        }
        Date iat = claims.getIssueTime();
        if (iat != null && iat.getTime() > System.currentTimeMillis() + skewSeconds * 1000) {
            return Decision.unauthorized(rule + "issued in the future (iat)");
        }
        if (!audiences.isEmpty() && !audienceMatches(claims)) {
            return Decision.unauthorized(rule + "audience " + claims.getAudience() + " is not one of " + audiences);
        }
        List<String> scopes = scopes(claims);
        if (!routeScopes.isEmpty() && routeScopes.stream().noneMatch(scopes::contains)) {
            return Decision.forbidden(rule + "scopes " + scopes + " have none of " + routeScopes);
        }
        return Decision.allow(claimStrings(claims), routeScopes.isEmpty() ? null : scopes);
    }

    /** exp and nbf again, with the same skew, for a token verified earlier. */
    private boolean stillValid(JWTClaimsSet claims) {
        long now = System.currentTimeMillis();
        Date exp = claims.getExpirationTime();
        Date nbf = claims.getNotBeforeTime();
        return exp != null && exp.getTime() + skewSeconds * 1000 > now
                && (nbf == null || nbf.getTime() - skewSeconds * 1000 <= now);
    }

    private boolean audienceMatches(JWTClaimsSet claims) {
        if (claims.getAudience().stream().anyMatch(audiences::contains)) {
            return true;
        }
        Object clientId = claims.getClaim("client_id"); // Cognito access tokens carry client_id instead of aud
        return clientId != null && audiences.contains(clientId.toString());
    }

    private static List<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope");
        if (scope == null) {
            scope = claims.getClaim("scp");
        }
        List<String> out = new ArrayList<>();
        if (scope instanceof String s) {
            for (String part : s.trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        } else if (scope instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }

    /** API Gateway passes every claim as a string: numbers as digits, arrays as {@code [a b]}. */
    private static Map<String, String> claimStrings(JWTClaimsSet claims) {
        Map<String, String> out = new LinkedHashMap<>();
        claims.toJSONObject().forEach((k, v) -> {
            if (v instanceof List<?> list) {
                out.put(k, "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]");
            } else if (v instanceof Number n) {
                out.put(k, Long.toString(n.longValue()));
            } else {
                out.put(k, String.valueOf(v));
            }
        });
        return out;
    }
}
