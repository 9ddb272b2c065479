package dev.localfaas.runtime.gateway.policy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * This machine's own token issuer, {@value #ISSUER}: an RSA key kept in a file (created on first use), with which
 * {@code faas token} signs and whose public half {@code faas run} verifies with and serves as a JWKS. Lets a student
 * call a JWT-protected route without an identity provider.
 */
public final class LocalKey {

    public static final String ISSUER = "localfaas";
    public static final String AUDIENCE = "localfaas";

    private final RSAKey key;

    private LocalKey(RSAKey key) {
        this.key = key;
    }

    /** The default key file: {@code ~/.localfaas/jwt-key.json}, shared by every project on this machine. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".localfaas", "jwt-key.json");
    }

    public static LocalKey loadOrCreate(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return new LocalKey(RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8)));
            }
            RSAKey key = new RSAKeyGenerator(2048).keyID("localfaas-" + Instant.now().getEpochSecond()).generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
            return new LocalKey(key);
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalArgumentException("cannot read or create the local token key " + file + ": "
                    + e.getMessage() + "; delete the file to get a new key", e);
        }
    }

    /** The public key set, as served at {@code /_faas/jwks.json}. */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    /** A token from {@value #ISSUER} for {@code subject} with the given scopes, valid for {@code ttl}. */
    public String token(String subject, List<String> scopes, String audience, Duration ttl) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl)));
        if (!scopes.isEmpty()) {
            claims.claim("scope", String.join(" ", scopes));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the local key: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}
