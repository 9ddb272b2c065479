package dev.localfaas.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.Predicate;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Builds directory deployment packages from the sample JARs, laid out as an unzipped Lambda ZIP: the function's own
 * classes at the root, its dependencies in {@code lib/}.
 */
public final class DirectoryPackages {

    private DirectoryPackages() {
    }

    /**
     * Unpacks the entries of {@code jar} that {@code own} accepts into {@code dir} and packs every other class and
     * resource into {@code dir/lib/dependencies.jar}; returns {@code dir}.
     */
    public static Path explode(Path jar, Path dir, Predicate<String> own) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Files.createDirectories(dir.resolve("lib"));
            try (ZipOutputStream lib = new ZipOutputStream(Files.newOutputStream(dir.resolve("lib/dependencies.jar")))) {
                lib.setLevel(Deflater.NO_COMPRESSION); // fixtures are built per test: speed over size
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    if (entry.isDirectory()) {
                        continue;
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        if (own.test(entry.getName())) {
                            Path file = dir.resolve(entry.getName());
                            Files.createDirectories(file.getParent());
                            Files.copy(in, file);
                        } else {
                            lib.putNextEntry(new ZipEntry(entry.getName()));
                            in.transferTo(lib);
                            lib.closeEntry();
                        }
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes bytes that are not a zip where a JAR is expected. */
    public static Path garbage(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("not a zip".getBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
