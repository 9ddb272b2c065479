package dev.localfaas.runtime.execution;

import dev.localfaas.runtime.function.DeploymentPackage;
import dev.localfaas.runtime.function.FunctionSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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

    /** {@code name-PID-SEQ} or {@code name-PID-SEQ.jar}: which process took a snapshot. */
    private static final Pattern SNAPSHOT = Pattern.compile(".+-(\\d+)-\\d+(\\.jar)?");

    private final Path dir;
    private final boolean enabled;
    /** Every snapshot this instance took and has not deleted; deleted at {@link #close()}. */
    private final Set<Path> taken = ConcurrentHashMap.newKeySet();

    /** When enabled, deletes the snapshots that processes no longer running left behind (a {@code kill -9}). */
    JarSnapshots(Path dir, boolean enabled) {
        this.dir = dir;
        this.enabled = enabled;
        if (enabled) {
            deleteStale();
        }
    }

    private void deleteStale() {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                Matcher m = SNAPSHOT.matcher(p.getFileName().toString());
                if (m.matches() && !alive(Long.parseLong(m.group(1)))) {
                    delete(p);
                }
            }
        } catch (IOException | NumberFormatException noFolderYet) {
            // nothing to clean
        }
    }

    private static boolean alive(long pid) {
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Deletes every snapshot this instance took: the engine is closing, and on Unix a JAR still open by a finishing
     * handler stays readable after its name is gone. Replaces the JVM's delete-on-exit list, which grew with every
     * reload and never ran after a {@code kill -9}.
     */
    void close() {
        for (Path p : List.copyOf(taken)) {
            delete(p);
            taken.remove(p);
        }
    }

    /** A snapshot nothing uses any more: deleted now rather than at close. */
    private void discard(Path p) {
        delete(p);
        taken.remove(p);
    }

    private static void delete(Path p) {
        try (Stream<Path> tree = Files.walk(p)) {
            tree.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException gone) {
            // already gone, or unreadable: nothing more to do
        }
    }

    /**
     * The code to load the function from: a fresh copy when enabled (deleted once it is retired and its last
     * environment closed), else the package itself.
     */
    CodeSnapshot take(FunctionSpec spec) {
        if (!enabled) {
            return CodeSnapshot.inPlace(spec.jar());
        }
        Path source = spec.jar();
        try {
            Files.createDirectories(dir);
            String name = spec.name() + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
            Path copy = dir.resolve(Files.isDirectory(source) ? name : name + ".jar");
            taken.add(copy);
            if (Files.isDirectory(source)) {
                copyTree(source, copy);
            } else {
                Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
            return CodeSnapshot.copy(copy, this::discard);
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

    /** Copies a directory package; the copy keeps each file's modification time, which is what {@link #listing} compares. */
    private static Path copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Path copy = target.resolve(source.relativize(d).toString());
                Files.createDirectories(copy);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Path copy = target.resolve(source.relativize(f).toString());
                Files.copy(f, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
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
