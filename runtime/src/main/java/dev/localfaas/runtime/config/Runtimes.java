package dev.localfaas.runtime.config;

import java.util.Optional;
import java.util.Set;

/**
 * Which {@code Runtime} values localfaas runs: Java (in a class loader or a process), and custom runtimes, Node.js and
 * Python as processes on the Runtime API.
 */
public final class Runtimes {

    private static final Set<String> JAVA = Set.of("java8", "java8.al2", "java11", "java17", "java21", "java25");
    /** Runtimes that run as a process on the Runtime API (isolation/process): custom runtimes, Node.js, Python. */
    private static final Set<String> PROCESS = Set.of("provided", "provided.al2", "provided.al2023", "nodejs18.x",
            "nodejs20.x", "nodejs22.x", "python3.9", "python3.10", "python3.11", "python3.12", "python3.13");

    private Runtimes() {
    }

    public static boolean isJava(String runtime) {
        return JAVA.contains(runtime);
    }

    /** True for a runtime whose code is a folder run by a bootstrap (not a Java package). */
    public static boolean isProcessOnly(String runtime) {
        return PROCESS.contains(runtime);
    }

    /** Why {@code runtime} cannot run here, or empty when it can. */
    public static Optional<String> problem(String runtime) {
        if (isJava(runtime) || isProcessOnly(runtime)) {
            return Optional.empty();
        }
        String family = runtime.startsWith("provided") ? "a custom runtime"
                : runtime.startsWith("nodejs") ? "Node.js" : runtime.startsWith("python") ? "Python"
                : runtime.startsWith("dotnet") ? ".NET" : runtime.startsWith("ruby") ? "Ruby" : "";
        return Optional.of("Runtime " + runtime + (family.isEmpty() ? " is not a Lambda runtime localfaas knows"
                : " is " + family + ", which localfaas does not run yet") + "; localfaas runs java11 to java25,"
                + " provided.al2023, provided.al2, nodejs18.x to nodejs22.x and python3.9 to python3.13 (remove the"
                + " function from the template, or set Runtime: java21)");
    }
}
