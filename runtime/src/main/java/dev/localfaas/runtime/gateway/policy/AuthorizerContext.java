package dev.localfaas.runtime.gateway.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Puts what the access checks verified where AWS puts it in the event. A JWT authorizer's claims: payload 2.0
 * {@code requestContext.authorizer.jwt.claims/scopes}, payload 1.0 {@code requestContext.authorizer.claims/scopes}.
 * A Lambda authorizer's answer: payload 2.0 {@code requestContext.authorizer.lambda} (its context, values as
 * returned), payload 1.0 {@code requestContext.authorizer} ({@code principalId}, {@code integrationLatency} and the
 * context, every value a string). The API key: payload 1.0 {@code requestContext.identity.apiKey/apiKeyId}.
 * Done on the finished event so the event builders stay unaware of authorizers; only checked routes pay for it.
 */
public final class AuthorizerContext {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuthorizerContext() {
    }

    public static byte[] inject(byte[] event, String payloadVersion, Decision decision) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(event);
            ObjectNode context = root.has("requestContext") && root.get("requestContext").isObject()
                    ? (ObjectNode) root.get("requestContext") : root.putObject("requestContext");
            boolean v2 = "2.0".equals(payloadVersion);
            if (!decision.claims().isEmpty()) {
                ObjectNode authorizer = context.putObject("authorizer");
                ObjectNode target = v2 ? authorizer.putObject("jwt") : authorizer;
                ObjectNode claims = target.putObject("claims");
                decision.claims().forEach(claims::put);
                if (decision.scopes() == null) {
                    target.putNull("scopes");
                } else {
                    decision.scopes().forEach(target.putArray("scopes")::add);
                }
            } else if (decision.lambda() != null) {
                ObjectNode authorizer = context.putObject("authorizer");
                if (v2) {
                    ObjectNode lambda = authorizer.putObject("lambda");
                    decision.lambda().forEach((k, v) -> {
                        if (!k.equals("principalId") && !k.equals("integrationLatency")) {
                            lambda.set(k, JSON.valueToTree(v));
                        }
                    });
                } else {
                    for (Map.Entry<String, Object> e : decision.lambda().entrySet()) {
                        if (e.getKey().equals("integrationLatency") && e.getValue() instanceof Number n) {
                            authorizer.put(e.getKey(), n.longValue());
                        } else {
                            authorizer.put(e.getKey(), String.valueOf(e.getValue()));
                        }
                    }
                }
            }
            if (decision.apiKey() != null && !v2 && context.get("identity") instanceof ObjectNode identity) {
                identity.put("apiKey", decision.apiKey().value());
                identity.put("apiKeyId", decision.apiKey().id());
            }
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
