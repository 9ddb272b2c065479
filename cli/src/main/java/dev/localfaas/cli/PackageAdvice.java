package dev.localfaas.cli;

import dev.localfaas.runtime.function.DeploymentPackage;
import dev.localfaas.runtime.function.FunctionSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Looks at each function's package before it is called, for the two mistakes a first Lambda JAR has: it was built
 * without its dependencies (no shade step, so {@code aws-lambda-java-core} is missing at run time), or its classes
 * are compiled for a newer Java than this JVM. Each is one warning line naming the JAR, the cause and the fix; the
 * shade snippet follows once, because that fix is a block of pom.xml.
 */
final class PackageAdvice {

    static final String LAMBDA_CORE = "com/amazonaws/services/lambda/runtime/Context.class";
    static final String SHADE_SNIPPET = """
                  <!-- in pom.xml, <build><plugins>: one JAR with your classes and their dependencies -->
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-shade-plugin</artifactId>
                    <version>3.6.0</version>
                    <configuration><createDependencyReducedPom>false</createDependencyReducedPom></configuration>
                    <executions>
                      <execution><phase>package</phase><goals><goal>shade</goal></goals></execution>
                    </executions>
                  </plugin>""";

    private PackageAdvice() {
    }

    /** Prints the advice for {@code functions} on {@code err}; answers whether there was any. */
    static boolean print(PrintWriter err, List<FunctionSpec> functions) {
        boolean unshaded = false;
        boolean any = false;
        for (FunctionSpec function : functions) {
            DeploymentPackage pkg = DeploymentPackage.of(function.jar());
            String label = DeploymentPackage.label(function.jar());
            String handlerClass = function.handler().split("::")[0];
            if (usesLambdaInterfaces(pkg, handlerClass) && find(pkg, LAMBDA_CORE).isEmpty()) {
                err.println("faas: warning: " + label + ": " + function.name() + " implements the Lambda interfaces but "
                        + "the JAR does not bundle aws-lambda-java-core, so it cannot load; build a shaded JAR "
                        + "(maven-shade-plugin, below)");
                unshaded = true;
                any = true;
            }
            int major = classFileMajor(pkg, handlerClass);
            int supported = Runtime.version().feature() + 44;
            if (major > supported) {
                err.println("faas: warning: " + label + ": " + handlerClass + " is compiled for Java " + (major - 44)
                        + " but faas runs on Java " + Runtime.version().feature() + "; run faas with a JDK "
                        + (major - 44) + " or newer, or compile with --release " + Runtime.version().feature());
                any = true;
            }
        }
        if (unshaded) {
            err.println(SHADE_SNIPPET);
        }
        err.flush();
        return any;
    }

    /** A handler class naming {@code com.amazonaws.services.lambda.runtime} in its constant pool. */
    private static boolean usesLambdaInterfaces(DeploymentPackage pkg, String handlerClass) {
        return read(pkg, handlerClass.replace('.', '/') + ".class")
                .map(bytes -> new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains("com/amazonaws/services/lambda/runtime/"))
                .orElse(false);
    }

    private static int classFileMajor(DeploymentPackage pkg, String handlerClass) {
        return read(pkg, handlerClass.replace('.', '/') + ".class")
                .filter(b -> b.length > 8)
                .map(b -> ((b[6] & 0xff) << 8) | (b[7] & 0xff))
                .orElse(0);
    }

    private static Optional<Path> find(DeploymentPackage pkg, String entry) {
        for (Path root : pkg.classpath()) {
            if (Files.isDirectory(root) ? Files.isRegularFile(root.resolve(entry)) : hasEntry(root, entry)) {
                return Optional.of(root);
            }
        }
        return Optional.empty();
    }

    private static Optional<byte[]> read(DeploymentPackage pkg, String entry) {
        for (Path root : pkg.classpath()) {
            try {
                if (Files.isDirectory(root)) {
                    if (Files.isRegularFile(root.resolve(entry))) {
                        return Optional.of(Files.readAllBytes(root.resolve(entry)));
                    }
                } else {
                    try (ZipFile zip = new ZipFile(root.toFile())) {
                        ZipEntry e = zip.getEntry(entry);
                        if (e != null) {
                            try (InputStream in = zip.getInputStream(e)) {
                                return Optional.of(in.readAllBytes());
                            }
                        }
                    }
                }
            } catch (IOException e) {
                return Optional.empty(); // discovery already reports unreadable packages
            }
        }
        return Optional.empty();
    }

    private static boolean hasEntry(Path jar, String entry) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(entry) != null;
        } catch (IOException e) {
            return false;
        }
    }
}
