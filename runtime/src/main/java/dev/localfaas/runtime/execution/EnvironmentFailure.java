package dev.localfaas.runtime.execution;

/**
 * A failed invocation as a runtime process reported it (its {@code /error} document), or as its end made it fail
 * ({@code Runtime.ExitError}, {@code Runtime.OutOfMemory}).
 *
 * @see ProcessEnvironment
 */
final class EnvironmentFailure extends Exception {

    private final byte[] payload;
    private final String errorType;
    private final boolean ended;
    private final String logLine;

    EnvironmentFailure(byte[] payload, String errorType, boolean ended, String logLine) {
        super(errorType, null, false, false);
        this.payload = payload;
        this.errorType = errorType;
        this.ended = ended;
        this.logLine = logLine;
    }

    /** The error document the caller gets. */
    byte[] payload() {
        return payload;
    }

    String errorType() {
        return errorType;
    }

    /** True when the environment cannot serve again (its process ended or must end). */
    boolean ended() {
        return ended;
    }

    /** What the platform logs about it (the runtime logged the error itself), or null. */
    String logLine() {
        return logLine;
    }
}
