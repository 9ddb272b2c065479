package dev.localfaas.runtime.execution;

import dev.localfaas.runtime.function.DeploymentPackage;
import dev.localfaas.runtime.function.FunctionSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Private copies of deployment packages. A running environment reads classes from its package lazily; if the user's
 * build overwrote a JAR in place, or rewrote (or cleaned) a directory package's classes, old code would read new
 * bytes or find its classes gone. Loading from a copy lets old and new versions run side by side during a hot
 * reload, as Lambda versions do. A directory package is copied whole, {@code lib/} included: it is the same amount
 * of data as the equivalent JAR, and the only way to give a directory the guarantee a JAR copy gives.
 */
final class JarSnapshots {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Path dir;
    private final boolean enabled;

    JarSnapshots(Path dir, boolean enabled) {
        this.dir = dir;
        this.enabled = enabled;
    }

    /** The path to load the function's code from: a fresh copy when enabled, else the package itself. */
    Path take(FunctionSpec spec) {
        if (!enabled) {
            return spec.jar();
        }
        Path source = spec.jar();
        try {
            Files.createDirectories(dir);
            String name = spec.name() + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
            if (Files.isDirectory(source)) {
                return copyTree(source, dir.resolve(name));
            }
            Path copy = dir.resolve(name + ".jar");
            Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            copy.toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code pkg} still holds the code {@code loaded} was taken from. A package that is now an incomplete JAR
     * counts as unchanged: its last good copy keeps serving until the new one is whole (see
     * {@code FunctionCatalog.keepingLastGood}).
     */
    boolean unchanged(Path pkg, Path loaded) {
        if (pkg.equals(loaded)) {
            // no snapshot: compare nothing, the spec comparison decides (one-shot runs never reload)
            return true;
        }
        if (DeploymentPackage.isIncompleteJar(pkg)) {
            return true;
        }
        try {
            if (Files.isDirectory(pkg) || Files.isDirectory(loaded)) {
                return Files.isDirectory(pkg) && Files.isDirectory(loaded) && listing(pkg).equals(listing(loaded));
            }
            return Files.size(pkg) == Files.size(loaded) && Files.mismatch(pkg, loaded) == -1;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * Copies a directory package; the copy keeps each file's modification time, which is what {@link #listing}
     * compares. Everything is marked for deletion at exit, parents first so that the JVM, which deletes in reverse
     * order, empties each folder before removing it.
     */
    private static Path copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Path copy = target.resolve(source.relativize(d).toString());
                Files.createDirectories(copy);
                copy.toFile().deleteOnExit();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Path copy = target.resolve(source.relativize(f).toString());
                Files.copy(f, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                copy.toFile().deleteOnExit();
                return FileVisitResult.CONTINUE;
            }
        });
        return target;
    }

    /**
     * Every file of a tree by relative path, with its size and modification time (to the millisecond, which every
     * file system keeps through a copy). Reading stat data instead of contents keeps a reload check cheap for large
     * {@code lib/} folders; a build that rewrites a file changes its time, and a deleted or added file changes the
     * key set.
     */
    private static Map<String, String> listing(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                files.put(root.relativize(f).toString(), attrs.size() + "@" + attrs.lastModifiedTime().toMillis());
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }
}
