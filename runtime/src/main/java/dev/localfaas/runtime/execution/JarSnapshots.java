package dev.localfaas.runtime.execution;

import dev.localfaas.runtime.function.FunctionSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Private copies of deployment packages. A running environment reads classes from its JAR lazily; if the user's
 * build overwrote that file in place, the old code would read the new bytes. Loading from a copy lets old and new
 * versions run side by side during a hot reload, as Lambda versions do.
 */
final class JarSnapshots {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Path dir;
    private final boolean enabled;

    JarSnapshots(Path dir, boolean enabled) {
        this.dir = dir;
        this.enabled = enabled;
    }

    /** The path to load the function's code from: a fresh copy when enabled, else the JAR itself. */
    Path take(FunctionSpec spec) {
        if (!enabled) {
            return spec.jar();
        }
        try {
            Files.createDirectories(dir);
            Path copy = dir.resolve(spec.name() + "-" + ProcessHandle.current().pid() + "-"
                    + SEQUENCE.incrementAndGet() + ".jar");
            Files.copy(spec.jar(), copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            copy.toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + spec.jar() + " to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code jar} still holds the code {@code loaded} was taken from. */
    boolean unchanged(Path jar, Path loaded) {
        if (jar.equals(loaded)) {
            // no snapshot: compare nothing, the spec comparison decides (one-shot runs never reload)
            return true;
        }
        try {
            return Files.size(jar) == Files.size(loaded) && Files.mismatch(jar, loaded) == -1;
        } catch (IOException e) {
            return false;
        }
    }
}
