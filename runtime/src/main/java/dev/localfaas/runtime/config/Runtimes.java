package dev.localfaas.runtime.config;

import java.util.Optional;
import java.util.Set;

/**
 * Which {@code Runtime} values localfaas runs. Java runs in-process today; the Runtime API issue adds the rest
 * ({@code provided.al2023}, Node.js, Python) by making {@link #problem} accept them, and the engine choose how.
 */
public final class Runtimes {

    private static final Set<String> JAVA = Set.of("java8", "java8.al2", "java11", "java17", "java21", "java25");

    private Runtimes() {
    }

    public static boolean isJava(String runtime) {
        return JAVA.contains(runtime);
    }

    /** Why {@code runtime} cannot run here, or empty when it can. */
    public static Optional<String> problem(String runtime) {
        if (isJava(runtime)) {
            return Optional.empty();
        }
        String family = runtime.startsWith("provided") ? "a custom runtime"
                : runtime.startsWith("nodejs") ? "Node.js" : runtime.startsWith("python") ? "Python"
                : runtime.startsWith("dotnet") ? ".NET" : runtime.startsWith("ruby") ? "Ruby" : "";
        return Optional.of("Runtime " + runtime + (family.isEmpty() ? " is not a Lambda runtime localfaas knows"
                : " is " + family + ", which localfaas does not run yet") + "; localfaas runs java11, java17, java21 and"
                + " java25 (remove the function from the template, or set Runtime: java21)");
    }
}
