package dev.localfaas.runtime.isolation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * The classloader of one execution environment: the deployment package alone, over the platform classloader.
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

    /** A loader over {@code jar}, named after the function so that stack traces and heap dumps say whose it is. */
    public static FunctionClassLoader forJar(String functionName, Path jar) {
        try {
            return new FunctionClassLoader(functionName, new URL[] {jar.toUri().toURL()});
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the JAR; the loader and its classes can then be collected once nothing references them. */
    public void release() {
        try {
            close();
        } catch (IOException ignored) {
            // closing a jar we only read cannot lose anything
        }
    }
}
