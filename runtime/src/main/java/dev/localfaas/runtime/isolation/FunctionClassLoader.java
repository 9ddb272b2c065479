package dev.localfaas.runtime.isolation;

import dev.localfaas.runtime.function.DeploymentPackage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * The classloader of one execution environment: the deployment package alone (a JAR, or a directory and its
 * {@code lib/*.jar}), over the platform classloader.
 * Nothing on the runtime's classpath (Jackson, Undertow, picocli, ClassGraph, localfaas) is visible through it, so a
 * function sees only the JDK and what it bundles — as on Lambda, where the JAR is all there is.
 */
public final class FunctionClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private FunctionClassLoader(String name, URL[] urls) {
        super("faas:" + name, urls, ClassLoader.getPlatformClassLoader());
    }

    /**
     * A loader over the deployment package at {@code root}: a JAR, or a directory followed by its {@code lib/*.jar}
     * in the order the Lambda runtime uses. Named after the function so that stack traces and heap dumps say whose
     * it is.
     *
     * @throws UncheckedIOException when a directory package's {@code lib} folder cannot be listed
     */
    public static FunctionClassLoader forPackage(String functionName, Path root) {
        return forPackage(functionName, root, List.of());
    }

    /** Like {@link #forPackage(String, Path)}, with layer JARs after the package's own classpath, as on Lambda. */
    public static FunctionClassLoader forPackage(String functionName, Path root, List<Path> layers) {
        List<Path> classpath = new java.util.ArrayList<>(DeploymentPackage.of(root).classpath());
        classpath.addAll(layers);
        URL[] urls = new URL[classpath.size()];
        try {
            for (int i = 0; i < urls.length; i++) {
                urls[i] = classpath.get(i).toUri().toURL(); // a directory's URI ends in '/', as URLClassLoader needs
            }
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
        return new FunctionClassLoader(functionName, urls);
    }

    /** Closes the JARs; the loader and its classes can then be collected once nothing references them. */
    public void release() {
        try {
            close();
        } catch (IOException ignored) {
            // closing a jar we only read cannot lose anything
        }
    }
}
