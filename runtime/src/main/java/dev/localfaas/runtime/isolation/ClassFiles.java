package dev.localfaas.runtime.isolation;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipFile;

/**
 * The class files of a deployment package's classpath, read directly (each JAR opened once, multi-release aware, as
 * {@code URLClassLoader} opens it) so that {@link FunctionClassLoader} can rewrite a class before defining it.
 */
final class ClassFiles implements AutoCloseable {

    /** A class file found: its bytes, where it came from (the code source), and its JAR, if it came from one. */
    record Found(byte[] bytes, CodeSource codeSource, JarFile jar) {

        /** The JAR's manifest, read only when a package is defined (once per package). */
        Manifest manifest() throws IOException {
            return jar == null ? null : jar.getManifest();
        }
    }

    private final List<Path> classpath;
    private final boolean[] directory;
    private final CodeSource[] codeSources;
    private final JarFile[] jars;
    private final boolean[] unreadable;
    private volatile boolean closed;

    ClassFiles(List<Path> classpath) {
        this.classpath = List.copyOf(classpath);
        this.jars = new JarFile[classpath.size()];
        this.unreadable = new boolean[classpath.size()];
        this.directory = new boolean[classpath.size()];
        this.codeSources = new CodeSource[classpath.size()];
        for (int i = 0; i < jars.length; i++) {
            Path entry = this.classpath.get(i);
            directory[i] = Files.isDirectory(entry);
            try {
                codeSources[i] = new CodeSource(entry.toUri().toURL(), (CodeSigner[]) null);
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(entry + " is not a file path", e);
            }
        }
    }

    /** The class file at {@code path} ({@code com/example/Hello.class}) in the first classpath entry holding it. */
    Optional<Found> find(String path) throws IOException {
        for (int i = 0; i < jars.length; i++) {
            Path entry = classpath.get(i);
            if (directory[i]) {
                try {
                    return Optional.of(new Found(Files.readAllBytes(entry.resolve(path)), codeSources[i], null));
                } catch (NoSuchFileException absent) {
                    continue;
                }
            }
            JarFile jar = jar(i);
            JarEntry e = jar == null ? null : jar.getJarEntry(path);
            if (e != null) {
                try (InputStream in = jar.getInputStream(e)) {
                    return Optional.of(new Found(in.readAllBytes(), codeSources[i], jar));
                }
            }
        }
        return Optional.empty();
    }

    /** The JAR at classpath position {@code i}, opened on first use; null for one that is not a zip (skipped, as {@code URLClassLoader} skips it). */
    private synchronized JarFile jar(int i) {
        if (closed || unreadable[i]) {
            return null;
        }
        if (jars[i] == null) {
            try {
                jars[i] = new JarFile(classpath.get(i).toFile(), true, ZipFile.OPEN_READ, JarFile.runtimeVersion());
            } catch (IOException e) {
                unreadable[i] = true; // discovery already named it to the user
                return null;
            }
        }
        return jars[i];
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (int i = 0; i < jars.length; i++) {
            if (jars[i] != null) {
                try {
                    jars[i].close();
                } catch (IOException ignored) {
                    // a JAR we only read: nothing to lose
                }
                jars[i] = null;
            }
        }
    }
}
