package dev.localfaas.cli.dev;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Recompiles a module's {@code src/main/java} in this JVM with the JDK's compiler API, against the module's deployed
 * JAR (which holds its dependencies) and the faas-api classes. In-process javac stays warm between saves, which is
 * what brings a save to new code under a second; a {@code mvn -o package} costs a Maven start every time (see
 * docs/benchmarks.md). Every source is compiled, not only the saved one, so that a changed constant or signature
 * reaches the classes that use it.
 */
public final class ModuleCompiler {

    private final JavaCompiler javac;
    private final MavenModule module;
    private final List<Path> classpath;
    /**
     * Kept for the whole session: it caches the index of every JAR on the classpath, which a fresh one reads again on
     * every save. The classpath therefore holds nothing that changes (see {@link #of}).
     */
    private final StandardJavaFileManager files;
    private int generation;

    private ModuleCompiler(JavaCompiler javac, MavenModule module, List<Path> classpath) {
        this.javac = javac;
        this.module = module;
        this.classpath = List.copyOf(classpath);
        this.files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
    }

    /**
     * A compiler for {@code module}, or null when this JVM has no compiler (a JRE, not a JDK). {@code deployedJar}
     * (the shaded JAR, for its dependencies) is copied once, because the served one is replaced on every save.
     */
    public static ModuleCompiler of(MavenModule module, Path deployedJar, List<Path> otherClasspath) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return null;
        }
        Path dependencies = module.dir().resolve("target/faas-dev/dependencies.jar");
        Files.createDirectories(dependencies.getParent());
        Files.copy(deployedJar, dependencies, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<Path> classpath = new ArrayList<>(List.of(dependencies));
        classpath.addAll(otherClasspath);
        return new ModuleCompiler(javac, module, classpath);
    }

    /** Compiles every source of the module into a fresh folder under {@code target/faas-dev/}. */
    public synchronized CompileResult compile() throws IOException {
        long start = System.nanoTime();
        Path output = module.dir().resolve("target/faas-dev/classes-" + (++generation));
        deleteTree(output);
        Files.createDirectories(output);
        List<Path> sources;
        try (Stream<Path> files = Files.walk(module.sources())) {
            sources = files.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).toList();
        }
        List<String> options = new ArrayList<>(List.of("-g", "-parameters", "-proc:none", "-encoding", "UTF-8",
                "-nowarn", "-Xlint:none", "-d", output.toString(),
                "-cp", String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList())));
        // --release reads the JDK's API of that version from ct.sym; for this JDK's own version the running
        // modules are the same API and faster to read
        module.release().filter(r -> r < Runtime.version().feature())
                .ifPresent(r -> options.addAll(List.of("--release", r.toString())));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
                .call();
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String file = d.getSource() == null ? module.dir().toString()
                        : module.dir().relativize(Path.of(d.getSource().toUri())).toString();
                errors.add(file + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
            }
        }
        if (generation > 1) {
            deleteTree(module.dir().resolve("target/faas-dev/classes-" + (generation - 1)));
        }
        return new CompileResult(ok, output, errors, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Compiles once and throws the classes away: javac's first run in a JVM loads and JIT-compiles the compiler
     * itself, several times slower than the next, so it is done while the user has not saved anything yet.
     */
    public void warmUp() {
        try {
            compile();
        } catch (IOException | RuntimeException e) {
            // a warm-up that fails costs nothing: the first save compiles and reports for real
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
