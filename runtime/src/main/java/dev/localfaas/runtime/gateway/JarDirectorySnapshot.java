package dev.localfaas.runtime.gateway;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipFile;

/** The JARs directly in a directory, each by name with its size and modification time: what "changed" compares. */
record JarDirectorySnapshot(Path dir, Map<String, String> jars) {

    static JarDirectorySnapshot of(Path dir) {
        Map<String, String> jars = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path f : files) {
                try {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    if (a.isRegularFile()) {
                        jars.put(f.getFileName().toString(), a.size() + "@" + a.lastModifiedTime().toMillis());
                    }
                } catch (IOException gone) {
                    // deleted between listing and reading: it is simply not there
                }
            }
        } catch (IOException e) {
            // the directory itself is gone or unreadable: no JARs
        }
        return new JarDirectorySnapshot(dir, Map.copyOf(jars));
    }

    /**
     * Whether every JAR can be opened as a zip. A JAR still being copied has no central directory yet, so this is
     * false until the last byte is written.
     */
    boolean complete() {
        for (String name : jars.keySet()) {
            try (ZipFile zip = new ZipFile(dir.resolve(name).toFile())) {
                zip.size();
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
