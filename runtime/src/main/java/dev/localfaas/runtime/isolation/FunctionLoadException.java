package dev.localfaas.runtime.isolation;

/**
 * A handler that cannot be loaded or initialized: what the AWS runtime calls a user fault. The function answers
 * every invocation with this error (and tries init again each time, as Lambda does after a failed init).
 *
 * <p>{@code errorType} is null for message-only faults ("No public method named ..."), which Lambda reports
 * without a type.
 */
public final class FunctionLoadException extends Exception {
    private final String errorType;

    public FunctionLoadException(String errorMessage, String errorType, Throwable cause) {
        super(errorMessage, cause);
        this.errorType = errorType;
    }

    public String errorType() {
        return errorType;
    }
}
