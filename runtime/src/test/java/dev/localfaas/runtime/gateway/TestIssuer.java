package dev.localfaas.runtime.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/** An OpenID issuer on a JDK HttpServer on port 0: discovery document, JWKS, and tokens signed with its RSA key. */
final class TestIssuer implements AutoCloseable {

    final HttpServer server;
    final String url;
    final RSAKey key;

    TestIssuer() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("test-1").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        url = "http://127.0.0.1:" + server.getAddress().getPort();
        serve("/.well-known/openid-configuration", "{\"issuer\":\"" + url + "\",\"jwks_uri\":\"" + url + "/jwks\"}");
        serve("/jwks", new JWKSet(key.toPublicJWK()).toString());
        server.start();
    }

    private void serve(String path, String body) {
        server.createContext(path, ex -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
    }

    /** A token for {@code audience} valid for five minutes, with the given {@code scope} claim. */
    String token(String audience, String scope) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(url).audience(audience).subject("alice").claim("scope", scope)
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
