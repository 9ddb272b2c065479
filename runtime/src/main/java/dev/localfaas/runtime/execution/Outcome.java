package dev.localfaas.runtime.execution;

/** How an invocation ended; {@link #id()} is the name used in usage records. */
public enum Outcome {
    OK("ok"), ERROR("error"), TIMEOUT("timeout"), THROTTLED("throttled");

    private final String id;

    Outcome(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
