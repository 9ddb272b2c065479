package dev.localfaas.runtime.trigger.delivery;

import java.util.Objects;

/** Where a topic subscription or a rule delivers: a function (invoked asynchronously) or a queue (stored durably). */
public record Target(Kind kind, String name) {

    public enum Kind { FUNCTION, QUEUE }

    public Target {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a " + kind.name().toLowerCase() + " target needs a name");
        }
    }

    public static Target function(String name) {
        return new Target(Kind.FUNCTION, name);
    }

    public static Target queue(String name) {
        return new Target(Kind.QUEUE, name);
    }

    public boolean isFunction() {
        return kind == Kind.FUNCTION;
    }

    /** {@code function:audit} or {@code queue:orders}, as listings show it. */
    @Override
    public String toString() {
        return kind.name().toLowerCase() + ":" + name;
    }
}
