package dev.localfaas.runtime.function;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Whether a deployment package bundles a web-framework adapter for Lambda: {@code aws-serverless-java-container}
 * (Spring Boot, Spring, Jersey, Spark; Quarkus and Micronaut samples use it too), whose handlers read only the REST API
 * (payload 1.0) event and answer a 2.0 event with {@code InvalidRequestEventException}. Read from the JAR's entry
 * names (its central directory, no class is read), once per file version.
 */
public final class WebAdapters {

    /** The adapter library's own package, present in every JAR that bundles it. */
    static final String ADAPTER_PATH = "com/amazonaws/serverless/proxy/";

    private static final Map<String, Boolean> SEEN = new ConcurrentHashMap<>();

    private WebAdapters() {
    }

    /** True when {@code pkg} (a JAR, or a directory package with {@code lib/*.jar}) holds the adapter library. */
    public static boolean bundled(Path pkg) {
        if (pkg == null) {
            return false;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(pkg, BasicFileAttributes.class);
            String key = pkg.toAbsolutePath() + "|" + a.size() + "|" + a.lastModifiedTime().toMillis();
            return SEEN.computeIfAbsent(key, k -> scan(pkg));
        } catch (IOException e) {
            return false; // unreadable: discovery reports it
        }
    }

    private static boolean scan(Path pkg) {
        try {
            for (Path element : DeploymentPackage.of(pkg).classpath()) {
                if (Files.isDirectory(element) ? Files.isDirectory(element.resolve(ADAPTER_PATH)) : jarHolds(element)) {
                    return true;
                }
            }
        } catch (RuntimeException e) {
            return false;
        }
        return false;
    }

    private static boolean jarHolds(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                if (entries.nextElement().getName().startsWith(ADAPTER_PATH)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
