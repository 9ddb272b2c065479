package dev.localfaas.runtime.function;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Whether a deployment package could declare a function of a given name, answered from raw bytes without ClassGraph.
 *
 * <p>A function's name is its {@code @Function} name or its class's simple name, and both are strings in the constant
 * pool of the class that declares the function (an annotation's string value is stored there even when it was a
 * constant of another class). A package none of whose own class files contains the name's bytes therefore cannot
 * declare it. Classes in the {@link JarScanner#LIBRARY_PACKAGES library packages} are skipped, as discovery skips
 * them. Whenever it is unsure, the probe answers yes: the scan that follows decides.
 */
final class NameProbe {

    private static final List<String> LIBRARY_PATHS =
            JarScanner.LIBRARY_PACKAGES.stream().map(p -> p.replace('.', '/') + "/").toList();

    private NameProbe() {
    }

    static boolean mayDeclare(Path pkg, String name) {
        if (!name.chars().allMatch(c -> c > 0 && c < 0x80)) {
            return true; // the constant pool's modified UTF-8 differs from UTF-8 beyond ASCII; valid names are ASCII
        }
        if (PackageNames.functionName(pkg).equals(name)) {
            return true; // named after its package when its class name is taken by another
        }
        byte[] needle = name.getBytes(StandardCharsets.US_ASCII);
        try {
            for (Path element : DeploymentPackage.of(pkg).classpath()) {
                if (Files.isDirectory(element) ? directoryMentions(element, needle) : jarMentions(element, needle)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return true; // an unreadable package is scanned, and the scan reports it
        }
    }

    private static boolean jarMentions(Path jar, byte[] needle) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (isOwnClass(entry.getName())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        if (contains(in.readAllBytes(), needle)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }

    private static boolean directoryMentions(Path dir, byte[] needle) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> isOwnClass(dir.relativize(f).toString().replace('\\', '/')))
                    .filter(Files::isRegularFile)
                    .anyMatch(f -> {
                        try {
                            return contains(Files.readAllBytes(f), needle);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
    }

    private static boolean isOwnClass(String path) {
        return path.endsWith(".class") && LIBRARY_PATHS.stream().noneMatch(path::startsWith);
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
