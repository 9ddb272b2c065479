package dev.localfaas.runtime.config;

import dev.localfaas.runtime.config.yaml.Position;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Turns a {@code CodeUri} (or {@code package.artifact}) into the deployment package to load, as {@code sam build}
 * would find it: a JAR (or ZIP) file; a folder of classes with {@code lib/}; or a Maven module folder, whose
 * shaded JAR in {@code target/} is the artifact (a Gradle module's in {@code build/libs/}).
 */
public final class CodeLocator {
    private CodeLocator() {
    }

    /** @throws ConfigError naming the path and how to build it */
    public static Path locate(Path baseDir, String codeUri, Position at) {
        if (codeUri.startsWith("s3://")) {
            throw new ConfigError(at, "CodeUri " + codeUri + " is in S3; localfaas runs local code, so point CodeUri"
                    + " at the function's module folder or JAR");
        }
        Path path = baseDir.resolve(codeUri).normalize();
        if (Files.isRegularFile(path)) {
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".jar") || name.endsWith(".zip")) {
                return path;
            }
            throw new ConfigError(at, "CodeUri " + codeUri + " is a file but not a JAR; point it at the shaded JAR"
                    + " or at the module folder");
        }
        if (!Files.isDirectory(path)) {
            if (codeUri.toLowerCase(Locale.ROOT).endsWith(".jar")) {
                throw new ConfigError(at, "CodeUri " + codeUri + " does not exist; build it (mvn package) or fix the path");
            }
            throw new ConfigError(at, "CodeUri " + codeUri + " does not exist (" + path + "); fix the path");
        }
        if (Files.isRegularFile(path.resolve("pom.xml"))) {
            return built(path, path.resolve("target"), codeUri, "mvn package", at);
        }
        if (Files.isRegularFile(path.resolve("build.gradle")) || Files.isRegularFile(path.resolve("build.gradle.kts"))) {
            return built(path, path.resolve("build").resolve("libs"), codeUri, "gradle build", at);
        }
        if (dev.localfaas.runtime.function.DeploymentPackage.of(path).classpath().size() > 1 || hasClasses(path)) {
            return path;
        }
        throw new ConfigError(at, "CodeUri " + codeUri + " holds no pom.xml, no classes and no lib/ folder; point it"
                + " at a Maven module, a JAR, or a folder of compiled classes");
    }

    /**
     * The code folder of a custom runtime, Node.js or Python function: used as it is, as Lambda unpacks the zip into
     * the task root.
     *
     * @throws ConfigError naming the path
     */
    public static Path locateFolder(Path baseDir, String codeUri, Position at) {
        Path path = baseDir.resolve(codeUri).normalize();
        if (!Files.isDirectory(path)) {
            throw new ConfigError(at, "CodeUri " + codeUri + " is not a folder (" + path + "); point it at the folder"
                    + " that holds the function's code");
        }
        return path;
    }

    private static Path built(Path module, Path output, String codeUri, String command, Position at) {
        List<Path> jars = jars(output);
        if (jars.isEmpty()) {
            throw new ConfigError(at, "CodeUri " + codeUri + " is not built: no JAR in " + module.relativize(output)
                    + "/; run " + command + " in " + module);
        }
        // the shade plugin replaces the main artifact and keeps the thin one as original-*.jar: the largest is the
        // one with its dependencies, which is what Lambda runs
        return jars.stream().max(Comparator.comparingLong(CodeLocator::size)).orElseThrow();
    }

    private static List<Path> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                String n = f.getFileName().toString();
                return n.endsWith(".jar") && !n.startsWith("original-") && !n.endsWith("-sources.jar")
                        && !n.endsWith("-javadoc.jar") && !n.endsWith("-tests.jar") && !n.endsWith("-plain.jar");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean hasClasses(Path dir) {
        try (Stream<Path> files = Files.walk(dir, 8)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".class"));
        } catch (IOException e) {
            return false;
        }
    }

    /** The JARs of a layer's content folder: {@code java/lib/*.jar}, as the Java runtime adds /opt/java/lib. */
    public static List<Path> layerJars(Path baseDir, String contentUri, Position at) {
        Path root = baseDir.resolve(contentUri).normalize();
        Path lib = Files.isDirectory(root.resolve("java").resolve("lib")) ? root.resolve("java").resolve("lib") : root;
        if (!Files.isDirectory(root)) {
            throw new ConfigError(at, "layer ContentUri " + contentUri + " does not exist (" + root + "); fix the path");
        }
        List<Path> jars = jars(lib);
        if (jars.isEmpty()) {
            throw new ConfigError(at, "layer ContentUri " + contentUri + " has no JAR in java/lib/; put the layer's"
                    + " JARs there, as a Java layer ZIP holds them");
        }
        return jars;
    }
}
