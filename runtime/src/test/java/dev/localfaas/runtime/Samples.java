package dev.localfaas.runtime;

import dev.localfaas.runtime.function.FunctionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Where the JARs built by {@code sample-functions} are, and specs for them as discovery would make them. */
public final class Samples {

    private Samples() {
    }

    /** {@code sample-functions/target/functions}: the user-facing samples. */
    public static Path functions() {
        String dir = System.getProperty("faas.samples.dir");
        Path path = Path.of(dir == null ? "../sample-functions/target/functions" : dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException(path + " is missing: build the samples first with "
                    + "'mvn -pl sample-functions -am package -DskipTests, or mvn package -DskipTests at the root' (mvn verify at the root does it)");
        }
        return path;
    }

    /** {@code sample-functions/target/test-functions}: fixtures for tests. */
    public static Path testFunctions() {
        return functions().resolveSibling("test-functions");
    }

    /** {@code sample-functions/target/framework-functions}: web-framework apps (large JARs, kept apart). */
    public static Path frameworkFunctions() {
        return functions().resolveSibling("framework-functions");
    }

    /** {@code sample-functions/target/broken-functions}: packages with problems. */
    public static Path brokenFunctions() {
        return functions().resolveSibling("broken-functions");
    }

    /** {@code sample-functions/target/oracle-functions}: an echo handler per event class, per events version. */
    public static Path oracleFunctions() {
        return functions().resolveSibling("oracle-functions");
    }

    public static Path behaviourJar() {
        return testFunctions().resolve("fixtures-behaviour.jar");
    }

    public static Path eventsJar() {
        return testFunctions().resolve("fixtures-events.jar");
    }

    public static FunctionSpec spec(String name, Path jar, String handler) {
        return spec(name, jar, handler, 128, 3, 0, Map.of());
    }

    public static FunctionSpec spec(String name, Path jar, String handler, int memoryMb, int timeoutSeconds,
                                    int concurrency, Map<String, String> environment) {
        return new FunctionSpec(name, jar, handler, memoryMb, timeoutSeconds, concurrency, environment, "",
                List.of(), List.of(), List.of());
    }
}
