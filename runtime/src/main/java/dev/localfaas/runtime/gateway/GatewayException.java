package dev.localfaas.runtime.gateway;

/** The gateway cannot start or take new routes; the message is one line naming the thing, the rule and the fix. */
public final class GatewayException extends RuntimeException {

    public GatewayException(String message) {
        super(message);
    }

    public GatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
