package dev.localfaas.runtime.gateway;

import dev.localfaas.runtime.function.FunctionSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The sample and fixture JARs built by the sample-functions module, copied into a test's functions folder. */
final class Samples {

    static final String V1_EVENT = PayloadFormat.REST_EVENT_TYPE;

    private Samples() {
    }

    static Path functions() {
        Path dir = Path.of(System.getProperty("faas.samples.dir", "../sample-functions/target/functions"));
        if (!Files.isRegularFile(dir.resolve("hello.jar"))) {
            throw new IllegalStateException(dir + " has no sample JARs; build them first: mvn -B package -DskipTests");
        }
        return dir;
    }

    static Path testFunctions() {
        return functions().resolveSibling("test-functions");
    }

    /** Copies sample JARs ({@code hello.jar}) and fixture JARs ({@code fixtures-behaviour.jar}) into {@code dir}. */
    static Path copy(Path dir, String... jars) {
        try {
            Files.createDirectories(dir);
            for (String jar : jars) {
                Path from = functions().resolve(jar);
                if (!Files.exists(from)) {
                    from = testFunctions().resolve(jar);
                }
                Files.copy(from, dir.resolve(jar));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Treats the named functions as REST API (payload 1.0) handlers, as if they took APIGatewayProxyRequestEvent. */
    static UnaryOperator<FunctionSpec> restApi(String... names) {
        Set<String> rest = Set.of(names);
        return f -> !rest.contains(f.name()) ? f : new FunctionSpec(f.name(), f.jar(), f.handler(), f.memoryMb(),
                f.timeoutSeconds(), f.concurrency(), f.environment(), V1_EVENT, f.httpRoutes(), f.schedules(), f.queues());
    }
}
