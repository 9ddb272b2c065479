package dev.localfaas.runtime.execution;

/** No function has the name asked for. */
public final class UnknownFunctionException extends RuntimeException {
    private final String function;

    public UnknownFunctionException(String function) {
        super("no function named '" + function + "'");
        this.function = function;
    }

    /** The function exists, but has no version or alias {@code qualifier}. */
    public UnknownFunctionException(String function, String qualifier) {
        super("function '" + function + "' has no version or alias '" + qualifier + "'; see faas versions list "
                + function + " and faas alias list " + function);
        this.function = function;
    }

    public String function() {
        return function;
    }
}
