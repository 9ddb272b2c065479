package dev.localfaas.runtime.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Requires the admin token on a gateway reachable from the network. Clients send it as {@code X-Faas-Token: TOKEN}
 * or {@code Authorization: Bearer TOKEN}; an AWS SDK or the AWS CLI sends it as its access key id (its SigV4
 * {@code Authorization} header names the key, {@code Credential=TOKEN/...}), so they need no change but
 * {@code AWS_ACCESS_KEY_ID=TOKEN}. The signature itself is not checked: the token is the secret.
 */
final class AdminTokenHandler implements HttpHandler {

    static final HttpString TOKEN_HEADER = new HttpString("X-Faas-Token");

    private final byte[] token;
    private final Refusal refusal;
    private final HttpHandler next;

    AdminTokenHandler(String token, Refusal refusal, HttpHandler next) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.refusal = refusal;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String given = presented(exchange);
        if (given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            next.handleRequest(exchange);
            return;
        }
        exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
        refusal.refuse(exchange, 401, exchange.getRequestPath() + " needs the admin token on a gateway reachable "
                + "from the network" + (given == null ? "" : " (the token sent is not it)")
                + "; send it as X-Faas-Token or Authorization: Bearer, or pass --admin-token to the faas command");
    }

    /** The token the request carries, or {@code null}. */
    private static String presented(HttpServerExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
        if (header != null) {
            return header.trim();
        }
        String auth = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (auth == null) {
            return null;
        }
        if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        int credential = auth.indexOf("Credential=");
        if (auth.startsWith("AWS4-HMAC-SHA256") && credential > 0) {
            int slash = auth.indexOf('/', credential);
            return slash < 0 ? null : auth.substring(credential + "Credential=".length(), slash);
        }
        return null;
    }
}
