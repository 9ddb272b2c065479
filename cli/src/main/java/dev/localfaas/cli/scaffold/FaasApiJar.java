package dev.localfaas.cli.scaffold;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.Resource;
import io.github.classgraph.ScanResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes the faas-api annotations as a JAR for a new project. faas-api is not on Maven Central, so the classes
 * this faas carries (the same ones its discovery reads) are packed into the project, where Maven finds them offline.
 */
final class FaasApiJar {
    static final String PACKAGE = "dev.localfaas.api";

    private FaasApiJar() {
    }

    static void write(Path jar, String version) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_TITLE, "faas-api");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        int classes = 0;
        try (ScanResult scan = new ClassGraph().acceptPackagesNonRecursive(PACKAGE).scan();
             OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Resource resource : scan.getAllResources().filter(r -> r.getPath().endsWith(".class"))) {
                out.putNextEntry(new JarEntry(resource.getPath()));
                try (InputStream in = resource.open()) {
                    in.transferTo(out);
                }
                out.closeEntry();
                classes++;
            }
        }
        if (classes == 0) {
            throw new IllegalStateException("the faas-api classes are not on faas's classpath; rebuild faas.jar");
        }
    }
}
