package dev.localfaas.runtime.function;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One deployment package and the classpath the Lambda Java runtime would give it: a JAR file alone, or a directory
 * laid out like an unzipped Lambda ZIP — classes and resources at its root, dependencies in {@code lib/*.jar} — as the
 * root followed by its {@code lib/*.jar} in lexical name order (what the runtime's {@code CustomerClassLoader} does).
 *
 * @param root      the JAR file or the package directory ({@link FunctionSpec#jar()})
 * @param classpath what a loader or a scan of this package reads, in lookup order
 */
public record DeploymentPackage(Path root, List<Path> classpath) {

    /** The folder of dependency JARs inside a directory package, as in a Lambda ZIP. */
    public static final String LIB = "lib";

    public DeploymentPackage {
        classpath = List.copyOf(classpath);
    }

    /**
     * The package at {@code root}: a directory package when {@code root} is a directory, else a JAR.
     *
     * @throws UncheckedIOException when the {@code lib} folder of a directory package cannot be listed
     */
    public static DeploymentPackage of(Path root) {
        if (!Files.isDirectory(root)) {
            return new DeploymentPackage(root, List.of(root));
        }
        List<Path> classpath = new ArrayList<>();
        classpath.add(root);
        classpath.addAll(libJars(root));
        return new DeploymentPackage(root, classpath);
    }

    /**
     * Whether {@code root} is a JAR file that does not open as a zip: still being written (its central directory
     * comes last), or broken. A directory or a missing file is not.
     */
    public static boolean isIncompleteJar(Path root) {
        if (!Files.isRegularFile(root)) {
            return false;
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(root.toFile())) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    public boolean isDirectory() {
        return Files.isDirectory(root);
    }

    /** The name messages use for the package: {@code hello.jar}, or {@code hello/} for a directory. */
    public static String label(Path root) {
        String name = root.getFileName().toString();
        return Files.isDirectory(root) ? name + "/" : name;
    }

    /**
     * The packages directly in a functions directory, sorted by path: every {@code *.jar} file, and every directory
     * that holds a {@code .class} file or a {@code lib} folder. Hidden entries (such as the state folder
     * {@code .faas}) and other folders (sample events, notes) are left alone.
     */
    static List<Path> in(Path functionsDir) {
        try (Stream<Path> entries = Files.list(functionsDir)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isRegularFile(p) ? isJarName(p) : isPackageDirectory(p))
                    .map(p -> p.toAbsolutePath().normalize())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + functionsDir + ": " + e.getMessage(), e);
        }
    }

    static boolean isPackageDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        if (Files.isDirectory(dir.resolve(LIB))) {
            return true;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".class") && Files.isRegularFile(f));
        } catch (IOException | UncheckedIOException e) {
            return false; // an unreadable folder is not taken for a package; nothing in it could be loaded anyway
        }
    }

    private static boolean isJarName(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar");
    }

    /** {@code lib/*.jar} sorted by file name, as the Lambda runtime adds them; exact-case {@code .jar}, as it does. */
    private static List<Path> libJars(Path root) {
        Path lib = root.resolve(LIB);
        if (!Files.isDirectory(lib)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + lib + ": " + e.getMessage(), e);
        }
    }
}
