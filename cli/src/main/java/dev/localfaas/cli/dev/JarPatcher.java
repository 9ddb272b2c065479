package dev.localfaas.cli.dev;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Makes the next deployment JAR of a module without Maven: the dependencies of the JAR Maven shaded, with the
 * module's own classes and resources replaced by the freshly compiled ones. The new JAR is written beside the old
 * one under a hidden name and moved over it in one step, so the gateway never reads a half-written JAR.
 */
public final class JarPatcher {

    private final Path jar;
    /** Entries that are the module's own (from target/classes and every compile since), never kept from the JAR. */
    private final Set<String> own = new HashSet<>();

    public JarPatcher(Path jar, Path initialClasses) throws IOException {
        this.jar = jar;
        own.addAll(entries(initialClasses));
    }

    public Path jar() {
        return jar;
    }

    public void patch(Path classes, Path resources) throws IOException {
        Set<String> fresh = new HashSet<>(entries(classes));
        Set<String> freshResources = new HashSet<>(entries(resources));
        own.addAll(fresh);
        own.addAll(freshResources);
        // hidden from discovery, and one per process: two faas dev on one project must not move each other's file
        Path next = jar.resolveSibling("." + jar.getFileName() + "." + ProcessHandle.current().pid() + ".next");
        try (ZipFile old = new ZipFile(jar.toFile());
             OutputStream file = Files.newOutputStream(next);
             ZipOutputStream out = new ZipOutputStream(file)) {
            Set<String> written = new HashSet<>();
            add(out, written, classes, fresh);
            add(out, written, resources, freshResources);
            Enumeration<? extends ZipEntry> entries = old.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (own.contains(entry.getName()) || !written.add(entry.getName())) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = old.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        Files.move(next, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void add(ZipOutputStream out, Set<String> written, Path root, Set<String> names) throws IOException {
        for (String name : names.stream().sorted().toList()) {
            if (written.add(name)) {
                out.putNextEntry(new ZipEntry(name));
                Files.copy(root.resolve(name), out);
                out.closeEntry();
            }
        }
    }

    /** The files under {@code root} as JAR entry names. */
    private static Set<String> entries(Path root) throws IOException {
        Set<String> names = new HashSet<>();
        if (root == null || !Files.isDirectory(root)) {
            return names;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(f -> names.add(root.relativize(f).toString().replace('\\', '/')));
        }
        return names;
    }
}
