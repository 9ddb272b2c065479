package dev.localfaas.runtime.traffic;

import dev.localfaas.runtime.function.FunctionSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An immutable numbered version of a function, as {@code PublishVersion} makes it: the exact package bytes and the
 * configuration at that moment, kept under the state folder so that a later build of the JAR does not change it.
 * Triggers (routes, schedules, queues) belong to the function and its aliases, not to a version, so a version's spec
 * has none.
 *
 * @param function     the function's name
 * @param version      1, 2, 3 ... in publishing order
 * @param description  what the publisher said about it, "" when nothing
 * @param codeSha256   base64 SHA-256 of the package, as Lambda reports {@code CodeSha256}
 * @param codeSize     the package's size in bytes
 * @param published    when it was published (ISO-8601)
 * @param handler      handler string
 * @param memoryMb     configured memory
 * @param timeoutSeconds timeout
 * @param concurrency  reserved concurrency (0 for none)
 * @param environment  the function's own variables
 * @param inputType    the handler's input type, as discovery found it
 * @param architecture x86_64 or arm64
 * @param layers       layer JARs (by path: layers are not copied)
 * @param code         where the copied package is (not stored: it is beside the version's file)
 */
public record PublishedVersion(String function, int version, String description, String codeSha256, long codeSize,
        String published, String handler, int memoryMb, int timeoutSeconds, int concurrency,
        Map<String, String> environment, String inputType, String architecture, List<String> layers, Path code) {

    public PublishedVersion {
        environment = Map.copyOf(environment);
        layers = List.copyOf(layers);
        description = description == null ? "" : description;
    }

    /** The version as the engine runs it: its copied package, its configuration, no triggers. */
    public FunctionSpec spec() {
        return new FunctionSpec(function, code, handler, memoryMb, timeoutSeconds, concurrency, environment, inputType,
                List.of(), List.of(), List.of(), architecture, layers.stream().map(Path::of).toList());
    }

    public String number() {
        return Integer.toString(version);
    }

    PublishedVersion at(Path codeCopy) {
        return new PublishedVersion(function, version, description, codeSha256, codeSize, published, handler, memoryMb,
                timeoutSeconds, concurrency, environment, inputType, architecture, layers, codeCopy);
    }

    /** Whether {@code spec} has the configuration this version was published with (what a new version must change). */
    boolean sameConfiguration(FunctionSpec spec) {
        return handler.equals(spec.handler()) && memoryMb == spec.memoryMb() && timeoutSeconds == spec.timeoutSeconds()
                && concurrency == spec.concurrency() && environment.equals(spec.environment())
                && architecture.equals(spec.architecture());
    }
}
