package dev.localfaas.runtime.gateway.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Puts what a JWT authorizer verified where AWS puts it in the event: payload 2.0
 * {@code requestContext.authorizer.jwt.claims/scopes}, payload 1.0 {@code requestContext.authorizer.claims/scopes}.
 * Done on the finished event so the event builders stay unaware of authorizers; only authorized routes pay for it.
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
            ObjectNode authorizer = context.putObject("authorizer");
            ObjectNode target = "2.0".equals(payloadVersion) ? authorizer.putObject("jwt") : authorizer;
            ObjectNode claims = target.putObject("claims");
            decision.claims().forEach(claims::put);
            if (decision.scopes() == null) {
                target.putNull("scopes");
            } else {
                decision.scopes().forEach(target.putArray("scopes")::add);
            }
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
