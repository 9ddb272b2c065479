package dev.localfaas.runtime.isolation.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * AWS's Java runtime interface client as a child JVM runs it: the JARs the build ships inside the runtime (see the
 * runtime's pom), extracted once into the state dir, and the RIC's native library beside them. The child's classpath
 * is these JARs alone, as on Lambda, where the system class loader holds the runtime and the function loads above it;
 * nothing of the emulator's classpath (Jackson, Undertow) reaches a function.
 */
public final class RicClasspath {

    static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** Where the RIC looks for its native library instead of unpacking it to a fixed {@code /tmp} path. */
    static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
    private static final String RESOURCE_DIR = "/dev/localfaas/runtime/isolation/process/ric/";
    private static final String RIC_JAR = "aws-lambda-java-runtime-interface-client.jar";
    private static final List<String> JARS = List.of(RIC_JAR, "aws-lambda-java-core.jar",
            "aws-lambda-java-serialization.jar", "utils-lite.jar");

    private final List<Path> jars;
    private final Path nativeLibrary;

    private RicClasspath(List<Path> jars, Path nativeLibrary) {
        this.jars = jars;
        this.nativeLibrary = nativeLibrary;
    }

    /** Extracts the shipped JARs into {@code dir} (unless they are there already, with the same size). */
    public static synchronized RicClasspath extractTo(Path dir) {
        try {
            Files.createDirectories(dir);
            List<Path> paths = new ArrayList<>();
            for (String name : JARS) {
                paths.add(extract(name, dir.resolve(name)));
            }
            Path lib = dir.resolve("libaws-lambda-jni.so");
            if (!Files.exists(lib)) {
                try (ZipFile ric = new ZipFile(paths.get(0).toFile())) {
                    ZipEntry entry = ric.getEntry("jni/libaws-lambda-jni." + platform() + ".so");
                    if (entry == null) {
                        throw new IllegalStateException("the runtime interface client has no native library for "
                                + platform() + "; process isolation runs on Linux x86_64 and aarch64 only");
                    }
                    copyAtomically(ric.getInputStream(entry), lib);
                }
            }
            return new RicClasspath(List.copyOf(paths), lib);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the runtime interface client to " + dir + ": " + e.getMessage(), e);
        }
    }

    public List<Path> jars() {
        return jars;
    }

    public Path nativeLibrary() {
        return nativeLibrary;
    }

    /** The classpath argument of the child JVM. */
    public String classpath() {
        return String.join(java.io.File.pathSeparator, jars.stream().map(Path::toString).toList());
    }

    private static Path extract(String name, Path target) throws IOException {
        try (InputStream in = RicClasspath.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("the runtime interface client (" + name + ") is not in this build of "
                        + "localfaas; rebuild it with mvn package");
            }
            byte[] bytes = in.readAllBytes();
            if (Files.exists(target) && Files.size(target) == bytes.length) {
                return target;
            }
            copyAtomically(new java.io.ByteArrayInputStream(bytes), target);
            return target;
        }
    }

    private static void copyAtomically(InputStream in, Path target) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String platform() {
        String arch = System.getProperty("os.arch");
        boolean arm = arch.equals("aarch64") || arch.equals("arm64");
        boolean musl = Files.exists(Path.of("/etc/alpine-release"));
        return (musl ? "linux_musl-" : "linux-") + (arm ? "aarch_64" : "x86_64");
    }
}
