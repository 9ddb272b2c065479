package dev.localfaas.runtime.runtimeapi;

/**
 * What a runtime posted for an invocation (or for its init): a response, or an error with the
 * {@code Lambda-Runtime-Function-Error-Type} it named.
 *
 * @param body      the response bytes, or the error document as posted
 * @param errorType the error type, or null for a response
 */
public record RuntimeAnswer(byte[] body, String errorType) {

    public static RuntimeAnswer response(byte[] body) {
        return new RuntimeAnswer(body, null);
    }

    public static RuntimeAnswer error(byte[] body, String errorType) {
        return new RuntimeAnswer(body, errorType);
    }

    public boolean failed() {
        return errorType != null;
    }
}
