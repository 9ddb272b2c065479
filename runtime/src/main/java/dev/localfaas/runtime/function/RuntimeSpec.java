package dev.localfaas.runtime.function;

import java.util.Objects;

/**
 * The Lambda runtime a function declares and how its environments are isolated.
 *
 * @param runtime   the {@code Runtime} identifier ({@code java21}, {@code provided.al2023}, {@code nodejs22.x},
 *                  {@code python3.13}); {@code java21} for a function found in a JAR without a template
 * @param isolation {@link Isolation#CLASSLOADER} or {@link Isolation#PROCESS}; always process for a runtime that is not
 *                  Java
 */
public record RuntimeSpec(String runtime, Isolation isolation) {

    /** A Java function in a class loader: what discovery finds and what every function was before process isolation. */
    public static final RuntimeSpec JAVA = new RuntimeSpec("java21", Isolation.CLASSLOADER);

    public RuntimeSpec {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(isolation, "isolation");
        if (!isJava(runtime)) {
            isolation = Isolation.PROCESS;
        }
    }

    /** The declared runtime, isolated as Java functions are by default (only Java runs in a class loader). */
    public static RuntimeSpec of(String runtime) {
        return new RuntimeSpec(runtime, Isolation.CLASSLOADER);
    }

    public RuntimeSpec withIsolation(Isolation other) {
        return new RuntimeSpec(runtime, other);
    }

    public boolean java() {
        return isJava(runtime);
    }

    public boolean process() {
        return isolation == Isolation.PROCESS;
    }

    private static boolean isJava(String runtime) {
        return runtime.startsWith("java");
    }
}
