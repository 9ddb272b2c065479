package dev.localfaas.runtime.gateway;

/**
 * A function's response that API Gateway would refuse ("Malformed Lambda proxy response"); the client gets a 502
 * and the console gets this reason.
 */
final class MalformedResponseException extends RuntimeException {

    MalformedResponseException(String reason) {
        super(reason, null, false, false);
    }
}
