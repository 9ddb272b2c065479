package dev.localfaas.runtime.function;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * The handlers a deployment package holds, for a project file that names its handler itself: whether the class it
 * names is there (Lambda would fail with {@code ClassNotFoundException} at the first call; we say so before
 * serving), and its input type where the bytecode tells, so that the gateway picks the payload format as it does for a
 * discovered function.
 */
public final class PackageHandlers {

    private final Path pkg;
    private final List<FunctionSpec> found;

    private PackageHandlers(Path pkg, List<FunctionSpec> found) {
        this.pkg = pkg;
        this.found = found;
    }

    /** Scans {@code pkg} (a JAR or a folder package) once; ask it about as many handlers as share the package. */
    public static PackageHandlers scan(Path pkg) {
        return new PackageHandlers(pkg, JarScanner.scan(pkg).functions());
    }

    /**
     * The input type of {@code handler} ({@code pkg.Class} or {@code pkg.Class::method}): the discovered handler's,
     * "" when the class is there but its type is not known from the bytecode; empty when the class is not in the
     * package at all.
     */
    public Optional<String> inputType(String handler) {
        for (FunctionSpec f : found) {
            if (f.handler().equals(handler)) {
                return Optional.of(f.inputType());
            }
        }
        String className = handler.contains("::") ? handler.substring(0, handler.lastIndexOf("::")) : handler;
        for (FunctionSpec f : found) {
            if (f.handlerClass().equals(className) && f.handlerMethod().isEmpty()) {
                return Optional.of(f.inputType()); // Class::handleRequest of a RequestHandler class
            }
        }
        return holdsClass(className) ? Optional.of("") : Optional.empty();
    }

    /**
     * Whether {@code handler}'s class implements a Lambda handler interface that the package does not bundle: a thin
     * JAR (a Maven module's JAR without the shade plugin), which fails at load with {@code NoClassDefFoundError}.
     */
    public boolean missesLambdaCore(String handler) {
        String className = handler.contains("::") ? handler.substring(0, handler.lastIndexOf("::")) : handler;
        boolean interfaceHandler = found.stream()
                .anyMatch(f -> f.handlerClass().equals(className) && f.handlerMethod().isEmpty());
        return interfaceHandler && !holdsClass(HandlerTypes.CONTEXT);
    }

    private boolean holdsClass(String className) {
        String entry = className.replace('.', '/') + ".class";
        for (Path element : DeploymentPackage.of(pkg).classpath()) {
            if (Files.isDirectory(element)) {
                if (Files.isRegularFile(element.resolve(entry))) {
                    return true;
                }
                continue;
            }
            try (ZipFile zip = new ZipFile(element.toFile())) {
                if (zip.getEntry(entry) != null) {
                    return true;
                }
            } catch (IOException e) {
                // a broken JAR holds nothing; the package problem is reported by discovery's own message
            }
        }
        return false;
    }

    /** The classes with handlers this package holds, to name in a message. */
    public List<String> handlers() {
        return found.stream().map(FunctionSpec::handler).sorted().toList();
    }
}
