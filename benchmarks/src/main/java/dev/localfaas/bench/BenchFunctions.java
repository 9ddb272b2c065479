package dev.localfaas.bench;

import dev.localfaas.runtime.function.FunctionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The sample JARs the benchmarks load; {@code -Dfaas.samples.dir} moves them. */
final class BenchFunctions {

    private BenchFunctions() {
    }

    static Path samples() {
        Path dir = Path.of(System.getProperty("faas.samples.dir", "sample-functions/target/functions")).toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " is missing: run from the repository root after 'mvn package'");
        }
        return dir;
    }

    static FunctionSpec spec(String name, Path jar, String handler) {
        return new FunctionSpec(name, jar, handler, 128, 3, 0, Map.of(), "", List.of(), List.of(), List.of());
    }
}
