package dev.localfaas.runtime.execution;

/** No function has the name asked for. */
public final class UnknownFunctionException extends RuntimeException {
    private final String function;

    public UnknownFunctionException(String function) {
        super("no function named '" + function + "'");
        this.function = function;
    }

    public String function() {
        return function;
    }
}
