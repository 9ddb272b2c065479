package dev.localfaas.runtime.isolation.process;

/** A runtime process that cannot be started; the message is one line that says what to install or fix. */
public final class LaunchException extends Exception {

    private final String errorType;

    LaunchException(String message, String errorType) {
        super(message);
        this.errorType = errorType;
    }

    /** The Lambda error type an invocation reports for it ({@code Runtime.InvalidEntrypoint}). */
    public String errorType() {
        return errorType;
    }
}
