package dev.localfaas.runtime.function;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The deployment packages in a functions folder as "changed" compares them: each {@code *.jar} by size and
 * modification time, each visible sub-folder (an unzipped package: classes and {@code lib/*.jar}) by its file
 * count, total size and newest modification time.
 */
record PackagesSnapshot(Path dir, Map<String, String> packages) {

    static PackagesSnapshot of(Path dir) {
        Map<String, String> packages = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    if (a.isRegularFile() && name.endsWith(".jar")) {
                        packages.put(name, a.size() + "@" + a.lastModifiedTime().toMillis());
                    } else if (a.isDirectory() && !name.startsWith(".")) {
                        packages.put(name + "/", folderPrint(p));
                    }
                } catch (IOException gone) {
                    // deleted between listing and reading: it is simply not there
                }
            }
        } catch (IOException e) {
            // the folder itself is gone or unreadable: no packages
        }
        return new PackagesSnapshot(dir, Map.copyOf(packages));
    }

    private static String folderPrint(Path folder) throws IOException {
        long files = 0;
        long bytes = 0;
        long newest = 0;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) walk::iterator) {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                if (a.isRegularFile()) {
                    files++;
                    bytes += a.size();
                }
                newest = Math.max(newest, a.lastModifiedTime().toMillis());
            }
        }
        return files + " files " + bytes + "@" + newest;
    }

    /**
     * Whether every JAR, top-level or in a package folder's {@code lib/}, opens as a zip. A JAR still being copied
     * has no central directory yet, so this is false until its last byte is written.
     */
    boolean complete() {
        List<Path> jars = new ArrayList<>();
        for (String name : packages.keySet()) {
            if (name.endsWith("/")) {
                try (Stream<Path> lib = Files.list(dir.resolve(name).resolve("lib"))) {
                    lib.filter(p -> p.getFileName().toString().endsWith(".jar")).forEach(jars::add);
                } catch (IOException noLib) {
                    // a package folder without lib/ has no JAR to check
                }
            } else {
                jars.add(dir.resolve(name));
            }
        }
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                zip.size();
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
