package dev.localfaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two mistakes of a first Lambda JAR, through faas.jar, with fixture JARs made from the hello sample: one
 * without the bundled AWS classes (what {@code mvn package} gives without the shade plugin), one whose handler class
 * claims a newer class-file version than this JVM reads (Java 25, major 69).
 */
class BeginnerErrorsIT {

    @TempDir
    Path work;

    @Test
    void anUnshadedJarSaysToShadeAndShowsThePlugin() throws Exception {
        Path functions = Files.createDirectories(work.resolve("functions"));
        copyJar(CliRun.samples().resolve("hello.jar"), functions.resolve("hello.jar"),
                name -> name.startsWith("com/amazonaws/") ? null : name, bytes -> bytes);

        FaasJar.Result r = FaasJar.exec(work, "invoke", "hello", "--dir", functions.toString(), "--state-dir",
                work.resolve("state").toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("faas: warning: hello.jar: hello implements the Lambda interfaces but the JAR does "
                + "not bundle aws-lambda-java-core, so it cannot load; build a shaded JAR (maven-shade-plugin, below)\n"), r.err());
        assertTrue(r.err().contains("<artifactId>maven-shade-plugin</artifactId>"), r.err());
        assertTrue(r.out().contains("Error loading class example.Hello: com/amazonaws/services/lambda/runtime/"
                + "RequestHandler; the deployment package does not bundle aws-lambda-java-core: build a shaded JAR "
                + "with its dependencies (maven-shade-plugin, see docs/getting-started.md#shading)"), r.out());
    }

    @Test
    void aClassFileTooNewNamesBothJavaVersions() throws Exception {
        Path functions = Files.createDirectories(work.resolve("functions"));
        Path newer = functions.resolve("hello25.jar");
        copyJar(CliRun.samples().resolve("hello.jar"), newer, name -> name, bytes -> bytes);
        rewriteEntry(newer, "example/Hello.class", bytes -> {
            bytes[6] = 0;
            bytes[7] = 69;
            return bytes;
        });
        int java = Runtime.version().feature();

        FaasJar.Result r = FaasJar.exec(work, "invoke", "hello", "--dir", functions.toString(), "--state-dir",
                work.resolve("state").toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("faas: warning: hello25.jar: example.Hello is compiled for Java 25 but faas runs on "
                + "Java " + java + "; run faas with a JDK 25 or newer, or compile with --release " + java + "\n"), r.err());
        assertTrue(r.out().contains("compiled for Java 25 but localfaas runs on Java " + java + ": run faas with a JDK 25 "
                + "or newer, or compile with --release " + java + " (maven.compiler.release)"), r.out());
    }

    private static void copyJar(Path from, Path to, UnaryOperator<String> rename, UnaryOperator<byte[]> content)
            throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile());
             OutputStream file = Files.newOutputStream(to);
             ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = rename.apply(entry.getName());
                if (name == null) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(name));
                try (InputStream in = zip.getInputStream(entry)) {
                    out.write(content.apply(in.readAllBytes()));
                }
                out.closeEntry();
            }
        }
    }

    private static void rewriteEntry(Path jar, String entry, UnaryOperator<byte[]> change) throws IOException {
        Path copy = jar.resolveSibling(jar.getFileName() + ".tmp");
        try (ZipFile zip = new ZipFile(jar.toFile());
             OutputStream file = Files.newOutputStream(copy);
             ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream in = zip.getInputStream(e)) {
                    byte[] bytes = in.readAllBytes();
                    out.write(e.getName().equals(entry) ? change.apply(bytes) : bytes);
                }
                out.closeEntry();
            }
        }
        Files.move(copy, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
