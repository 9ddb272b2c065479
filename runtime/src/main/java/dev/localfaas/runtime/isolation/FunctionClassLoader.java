package dev.localfaas.runtime.isolation;

import dev.localfaas.runtime.function.DeploymentPackage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.jar.Manifest;
import java.util.List;

/**
 * The classloader of one execution environment: the deployment package alone (a JAR, or a directory and its
 * {@code lib/*.jar}), over the platform classloader.
 * Nothing on the runtime's classpath (Jackson, Undertow, picocli, ClassGraph, localfaas) is visible through it, so a
 * function sees only the JDK and what it bundles — as on Lambda, where the JAR is all there is.
 * <p>
 * Classes are defined from bytes this loader reads itself, so that calls to {@code System.exit} and friends are
 * rewritten to throw {@code Runtime.ExitError} ({@link ExitCalls}) instead of ending the shared JVM; resources are
 * found as any {@code URLClassLoader} finds them.
 */
public final class FunctionClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ClassFiles classFiles;

    private FunctionClassLoader(String name, URL[] urls, List<Path> classpath) {
        super("faas:" + name, urls, ClassLoader.getPlatformClassLoader());
        this.classFiles = new ClassFiles(classpath);
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
        return new FunctionClassLoader(functionName, urls, classpath);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (name.equals(ExitErrorClass.NAME)) {
            byte[] bytes = ExitErrorClass.bytes();
            return defineClass(name, bytes, 0, bytes.length);
        }
        ClassFiles.Found found;
        try {
            found = classFiles.find(name.replace('.', '/').concat(".class")).orElse(null);
        } catch (IOException e) {
            throw new ClassNotFoundException(name + ": " + e.getMessage(), e);
        }
        if (found == null) {
            throw new ClassNotFoundException(name);
        }
        definePackageOf(name, found);
        byte[] bytes = ExitCalls.rewrite(found.bytes());
        return defineClass(name, bytes, 0, bytes.length, found.codeSource());
    }

    /** As {@code URLClassLoader} does: a class's package, with its JAR's manifest attributes, before its first class. */
    private void definePackageOf(String className, ClassFiles.Found found) {
        int dot = className.lastIndexOf('.');
        if (dot < 0) {
            return;
        }
        String pkg = className.substring(0, dot);
        if (getDefinedPackage(pkg) != null) {
            return;
        }
        try {
            Manifest manifest = found.manifest();
            if (manifest != null) {
                definePackage(pkg, manifest, found.codeSource().getLocation());
            } else {
                definePackage(pkg, null, null, null, null, null, null, null);
            }
        } catch (IllegalArgumentException definedMeanwhile) {
            // another thread defined it first: the same package
        } catch (IOException unreadableManifest) {
            definePackage(pkg, null, null, null, null, null, null, null);
        }
    }

    /** Also closes the JARs read for class definitions. */
    @Override
    public void close() throws IOException {
        classFiles.close();
        super.close();
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
