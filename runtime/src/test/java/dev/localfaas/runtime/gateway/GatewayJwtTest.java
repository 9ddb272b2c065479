package dev.localfaas.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.localfaas.runtime.gateway.policy.AccessPolicies;
import dev.localfaas.runtime.gateway.policy.JwtAuthorizer;
import dev.localfaas.runtime.gateway.policy.KeySources;
import dev.localfaas.runtime.gateway.policy.RoutePolicy;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP API JWT authorizers through the real gateway: tokens minted here with Nimbus, the issuer's discovery document
 * and JWKS served by a JDK HttpServer on port 0, each token refused or allowed as API Gateway would.
 */
class GatewayJwtTest {

    static final String AUDIENCE = "users-app";
    static final String SECRET = "a-local-shared-secret-of-32-bytes!!";

    @TempDir
    static Path dir;
    static RunningGateway gw;
    static HttpServer idp;
    static String issuer;
    static RSAKey rsa;
    static ECKey ec;
    static RSAKey stranger;
    static final AtomicReference<JWKSet> published = new AtomicReference<>();
    static final AtomicInteger jwksFetches = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        stranger = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
        published.set(new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())));
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + idp.getAddress().getPort() + "/issuer";
        idp.createContext("/issuer/.well-known/openid-configuration", ex -> reply(ex,
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\"}"));
        idp.createContext("/issuer/jwks", ex -> {
            jwksFetches.incrementAndGet();
            reply(ex, published.get().toString());
        });
        idp.start();

        gw = RunningGateway.start(Samples.copy(dir.resolve("functions"), "fixtures-events.jar"), dir.resolve("state"));
        JwtAuthorizer discovered = JwtAuthorizer.publicKeys("UsersAuth", issuer, List.of(AUDIENCE), "Authorization",
                KeySources.discovered(issuer));
        JwtAuthorizer hs = new JwtAuthorizer("LocalSecret", "local", List.of(AUDIENCE), "X-Token",
                KeySources.secret(SECRET.getBytes(StandardCharsets.UTF_8)), Set.of(JWSAlgorithm.HS256),
                Duration.ofMinutes(1));
        gw.gateway.accessPolicies(new AccessPolicies(Map.of(
                AccessPolicies.key("echo-http", "ANY /echo-http/{proxy+}"),
                new RoutePolicy(null, discovered, List.of("users:read")),
                AccessPolicies.key("echo-http", "ANY /echo-http"), new RoutePolicy(null, hs, List.of())),
                RoutePolicy.OPEN));
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @AfterAll
    static void stop() {
        gw.close();
        idp.stop(0);
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE).subject("alice")
                .claim("scope", "users:read users:write").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    private static String rs256(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static HttpResponse<String> call(String path, String header, String value) {
        HttpRequest.Builder b = HttpRequest.newBuilder(gw.uri(path)).GET();
        if (value != null) {
            b.header(header, value);
        }
        return gw.send(b.build());
    }

    private static HttpResponse<String> call(String token) {
        return call("/echo-http/users", "Authorization", token == null ? null : "Bearer " + token);
    }

    private static void assertRefused(int status, String message, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("{\"message\":\"" + message + "\"}", r.body());
    }

    @Test
    void aValidRs256TokenReachesTheHandlerWithItsClaimsAndScopes() throws Exception {
        HttpResponse<String> r = call(rs256(rsa, claims().build()));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode jwt = new ObjectMapper().readTree(r.body()).path("requestContext").path("authorizer").path("jwt");
        assertEquals("alice", jwt.path("claims").path("sub").asText());
        assertEquals(issuer, jwt.path("claims").path("iss").asText());
        assertTrue(jwt.path("claims").path("exp").asText().matches("\\d+"), "claims are strings, as AWS sends them");
        assertEquals("[\"users:read\",\"users:write\"]", jwt.path("scopes").toString());
    }

    @Test
    void aValidEs256TokenIsAccepted() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(), claims().build());
        jwt.sign(new ECDSASigner(ec));
        assertEquals(200, call(jwt.serialize()).statusCode());
    }

    @Test
    void missingExpiredAndNotYetValidTokensAreUnauthorized() throws Exception {
        int before = gw.invocationCount();
        assertRefused(401, "Unauthorized", call(null));
        Instant past = Instant.now().minusSeconds(3600);
        assertRefused(401, "Unauthorized", call(rs256(rsa, claims().issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(60))).build())));
        assertRefused(401, "Unauthorized", call(rs256(rsa, claims()
                .notBeforeTime(Date.from(Instant.now().plusSeconds(600))).build())));
        assertEquals(before, gw.invocationCount(), "a refused request costs no Lambda invocation");
        assertTrue(gw.notices.stream().anyMatch(n -> n.startsWith("gateway: refused GET /echo-http/users from ")
                && n.contains("route ANY /echo-http/{proxy+} of echo-http, jwt UsersAuth: ")), gw.notices.toString());
    }

    @Test
    void aTokenWithinTheClockSkewIsAccepted() throws Exception {
        Instant now = Instant.now();
        assertEquals(200, call(rs256(rsa, claims().expirationTime(Date.from(now.minusSeconds(20)))
                .issueTime(Date.from(now.minusSeconds(600))).build())).statusCode());
    }

    @Test
    void wrongIssuerAndWrongAudienceAreUnauthorized() throws Exception {
        assertRefused(401, "Unauthorized", call(rs256(rsa, claims().issuer("https://other.example.com").build())));
        assertRefused(401, "Unauthorized", call(rs256(rsa, claims().audience("someone-else").build())));
    }

    @Test
    void aForgedSignatureIsUnauthorized() throws Exception {
        String good = rs256(rsa, claims().build());
        String forged = rs256(rsa, claims().subject("admin").build());
        String[] g = good.split("\\.");
        String[] f = forged.split("\\.");
        assertRefused(401, "Unauthorized", call(g[0] + "." + f[1] + "." + g[2]));
        // a token signed by a key that claims the published kid
        assertRefused(401, "Unauthorized", call(rs256(new RSAKey.Builder(stranger).keyID("rsa-1").build(), claims().build())));
    }

    @Test
    void algNoneIsUnauthorized() {
        assertRefused(401, "Unauthorized", call(new PlainJWT(claims().build()).serialize()));
    }

    @Test
    void anUnknownKidIsRefetchedThenRefusedAndARotatedKeyIsAccepted() throws Exception {
        assertRefused(401, "Unauthorized", call(rs256(stranger, claims().build())));
        RSAKey rotated = new RSAKeyGenerator(2048).keyID("rsa-3").generate();
        published.set(new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK(), rotated.toPublicJWK())));
        int fetches = jwksFetches.get();
        assertEquals(200, call(rs256(rotated, claims().build())).statusCode());
        assertTrue(jwksFetches.get() > fetches, "the unknown kid made the gateway fetch the JWKS again");
    }

    @Test
    void aTokenWithoutTheRoutesScopeIsForbidden() throws Exception {
        assertRefused(403, "Forbidden", call(rs256(rsa, claims().claim("scope", "orders:read").build())));
    }

    @Test
    void hs256WithALocalSecretFromAnotherIdentitySource() throws Exception {
        JWTClaimsSet c = claims().issuer("local").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), c);
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, call("/echo-http", "X-Token", jwt.serialize()).statusCode());
        SignedJWT wrong = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), c);
        wrong.sign(new MACSigner("another-secret-that-is-32-bytes-long!".getBytes(StandardCharsets.UTF_8)));
        assertRefused(401, "Unauthorized", call("/echo-http", "X-Token", wrong.serialize()));
        // an RS256 token on the HS256 route is refused, as is an HS256 token where RS256 keys are published
        assertRefused(401, "Unauthorized", call("/echo-http", "X-Token", rs256(rsa, c)));
        assertRefused(401, "Unauthorized", call(jwt.serialize()));
    }
}
