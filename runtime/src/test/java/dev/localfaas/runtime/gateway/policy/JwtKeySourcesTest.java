package dev.localfaas.runtime.gateway.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local key sources and the local issuer: their one-line errors, and a faas token verified by its own key. */
class JwtKeySourcesTest {

    @TempDir
    Path tmp;

    @Test
    void aJwksFileThatIsNotOneSaysWhatToGive() throws Exception {
        Path bad = Files.writeString(tmp.resolve("keys.json"), "not json");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeySources.file(bad));
        assertTrue(e.getMessage().startsWith("cannot read the JWKS file " + bad + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; give a JSON Web Key Set ({\"keys\":[...]})"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aShortHs256SecretIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeySources.secret(new byte[8]));
        assertEquals("the HS256 secret has 8 bytes; give at least 32 (256 bits)", e.getMessage());
    }

    @Test
    void aLocalTokenIsVerifiedByTheLocalKeyKeptInItsFile() throws Exception {
        Path file = tmp.resolve("key/jwt-key.json");
        LocalKey key = LocalKey.loadOrCreate(file);
        assertTrue(Files.isRegularFile(file));
        String token = key.token("alice", List.of("users:read"), LocalKey.AUDIENCE, java.time.Duration.ofMinutes(5));
        JWKSet published = LocalKey.loadOrCreate(file).publicKeys(); // read back: the same key
        assertTrue(published.getKeys().stream().noneMatch(k -> k.isPrivate()), "only the public half is served");
        JwtAuthorizer jwt = JwtAuthorizer.publicKeys("local", LocalKey.ISSUER, List.of(LocalKey.AUDIENCE),
                "Authorization", new ImmutableJWKSet<SecurityContext>(published));
        Map<String, String> headers = Map.of("Authorization", "Bearer " + token);
        Decision d = jwt.check(new PolicyRequest("GET", "/users/1", "127.0.0.1",
                h -> Optional.ofNullable(headers.get(h))), List.of("users:read"));
        assertTrue(d.allowed(), d.rule());
        assertEquals("alice", d.claims().get("sub"));
        assertEquals(List.of("users:read"), d.scopes());
    }
}
