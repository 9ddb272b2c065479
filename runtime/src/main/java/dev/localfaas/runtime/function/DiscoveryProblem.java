package dev.localfaas.runtime.function;

import java.nio.file.Path;

/** Something wrong with one deployment package; the message is one line naming the JAR, the class and the fix. */
public record DiscoveryProblem(Path jar, String message) {
}
