package dev.localfaas.runtime.isolation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What reading class files ourselves and rewriting exit calls costs a cold start: every class of a sample JAR
 * (about 600, most of them the bundled AWS libraries) loaded by a plain {@code URLClassLoader} over the platform
 * loader and by {@link FunctionClassLoader}, alternately, medians printed. Run with
 * {@code mvn -pl runtime test -Dfaas.excludedGroups=none -Dgroups=benchmark -Dtest=ExitRewriteCostBenchmark}.
 */
@Tag("benchmark")
class ExitRewriteCostBenchmark {

    private static final int ROUNDS = 25;

    @Test
    void loadEveryClassOfTheSampleJars() throws Exception {
        Path functions = Path.of(System.getProperty("faas.samples.dir", "../sample-functions/target/functions"));
        for (Path jar : List.of(functions.resolve("hello.jar"),
                functions.resolveSibling("test-functions").resolve("fixtures-exit.jar"))) {
            assertTrue(Files.isRegularFile(jar), jar + " missing; build sample-functions first");
            List<String> classes = classNames(jar);
            double[] plain = new double[ROUNDS];
            double[] rewriting = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                plain[i] = loadAll(new URLClassLoader(new URL[] {jar.toUri().toURL()},
                        ClassLoader.getPlatformClassLoader()), classes);
                rewriting[i] = loadAll(FunctionClassLoader.forPackage("bench", jar), classes);
            }
            List<byte[]> files = new ArrayList<>();
            try (JarFile f = new JarFile(jar.toFile())) {
                for (String name : classes) {
                    files.add(f.getInputStream(f.getJarEntry(name.replace('.', '/') + ".class")).readAllBytes());
                }
            }
            double[] transform = new double[ROUNDS];
            int parsed = 0;
            for (int i = 0; i < ROUNDS; i++) {
                long t0 = System.nanoTime();
                int rewritten = 0;
                for (byte[] file : files) {
                    rewritten += ExitCalls.rewrite(file) == file ? 0 : 1;
                }
                transform[i] = (System.nanoTime() - t0) / 1e6;
                parsed = rewritten;
            }
            System.out.printf("%s: the rewrite alone (bytes in memory): median %.2f ms for %d classes, %d rewritten%n",
                    jar.getFileName(), median(transform), files.size(), parsed);
            System.out.printf("%s: %d classes, URLClassLoader median %.2f ms, FunctionClassLoader (read + exit"
                            + " rewrite) median %.2f ms (first round %.2f vs %.2f ms)%n", jar.getFileName(),
                    classes.size(), median(plain), median(rewriting), plain[0], rewriting[0]);
        }
    }

    private static double loadAll(URLClassLoader loader, List<String> classes) throws Exception {
        long t0 = System.nanoTime();
        try (loader) {
            for (String name : classes) {
                try {
                    Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError optionalDependencyMissing) {
                    // some bundled classes refer to libraries the JAR leaves out: same for both loaders
                }
            }
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static List<String> classNames(Path jar) throws Exception {
        List<String> names = new ArrayList<>();
        try (JarFile f = new JarFile(jar.toFile())) {
            for (JarEntry e : java.util.Collections.list(f.entries())) {
                String n = e.getName();
                if (n.endsWith(".class") && !n.contains("-") && !n.startsWith("META-INF")) {
                    names.add(n.substring(0, n.length() - 6).replace('/', '.'));
                }
            }
        }
        return names;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
