package dev.localfaas.runtime.gateway.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;

/** Where a JWT authorizer's keys come from: the issuer's published JWKS, a local JWKS file, or an HS256 secret. */
public final class KeySources {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KeySources() {
    }

    /**
     * The issuer's keys as API Gateway finds them: {@code {issuer}/.well-known/openid-configuration} names the
     * {@code jwks_uri}; the set is fetched on first use, cached, and fetched again when a token names an unknown
     * {@code kid} (key rotation). Not rate limited: a local gateway has one honest caller.
     */
    public static JWKSource<SecurityContext> discovered(String issuer) {
        return new Discovered(issuer);
    }

    /** The issuer's keys, looked up on first use; {@link #loaded()} tells whether a request may still wait for that. */
    static final class Discovered implements JWKSource<SecurityContext> {
            private final String issuer;
            private volatile JWKSource<SecurityContext> keys;

            Discovered(String issuer) {
                this.issuer = issuer;
            }

            boolean loaded() {
                return keys != null;
            }

            @Override
            public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
                JWKSource<SecurityContext> k = keys;
                if (k == null) {
                    synchronized (this) {
                        if (keys == null) {
                            keys = JWKSourceBuilder.create(jwksUri(issuer)).rateLimited(false).retrying(false).build();
                        }
                        k = keys;
                    }
                }
                return k.get(selector, context);
            }
    }

    /** A JWKS file (public keys, as {@code faas run} serves its own); read once. */
    public static JWKSource<SecurityContext> file(Path jwks) {
        try {
            return new ImmutableJWKSet<>(JWKSet.parse(Files.readString(jwks, StandardCharsets.UTF_8)));
        } catch (IOException | ParseException e) {
            throw new IllegalArgumentException("cannot read the JWKS file " + jwks + ": " + e.getMessage()
                    + "; give a JSON Web Key Set ({\"keys\":[...]})", e);
        }
    }

    /** An HS256 shared secret (at least 32 bytes, as the algorithm requires). */
    public static JWKSource<SecurityContext> secret(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the HS256 secret has " + secret.length
                    + " bytes; give at least 32 (256 bits)");
        }
        return new ImmutableSecret<>(secret);
    }

    private static URL jwksUri(String issuer) throws KeySourceException {
        String discovery = issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(discovery))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode uri = response.statusCode() == 200 ? JSON.readTree(response.body()).get("jwks_uri") : null;
            if (uri == null || !uri.isTextual()) {
                throw new KeySourceException(discovery + " answered " + response.statusCode() + " without a jwks_uri");
            }
            return URI.create(uri.asText()).toURL();
        } catch (IOException | IllegalArgumentException e) {
            throw new KeySourceException("cannot read " + discovery + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeySourceException("interrupted reading " + discovery, e);
        }
    }
}
