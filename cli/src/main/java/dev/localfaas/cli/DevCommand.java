package dev.localfaas.cli;

import dev.localfaas.cli.dev.CompileResult;
import dev.localfaas.cli.dev.JarPatcher;
import dev.localfaas.cli.dev.MavenBuild;
import dev.localfaas.cli.dev.MavenModule;
import dev.localfaas.cli.dev.ModuleCompiler;
import dev.localfaas.cli.dev.SourceWatcher;
import dev.localfaas.runtime.gateway.GatewayConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code faas dev}: {@code faas run} on a Maven project's deployment JARs, recompiling a module when one of its sources
 * is saved and reloading it; a version that does not compile leaves the previous one serving.
 */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = {"Serve a Maven project's functions and reload them as you edit: each save recompiles the "
                + "module (javac in this JVM, or Maven with --compiler maven), rebuilds its JAR and reloads it. "
                + "Compile errors are printed once, as file:line, and the previous version keeps serving.",
            "The first run builds the project with Maven if its JAR is missing."},
        footer = {"", "Examples:", "  faas new hello-api && cd hello-api && faas dev",
            "  faas dev ../orders --port 8080", "  curl 'http://127.0.0.1:3000/hello-api?name=Ada'"})
final class DevCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "The Maven project (default: the current folder).")
    Path dir;

    @Option(names = "--functions", paramLabel = "DIR",
            description = "The folder of deployment JARs to serve (default: DIR/target/function, where faas new's "
                    + "pom shades the JAR).")
    Path functions;

    @Option(names = "--compiler", paramLabel = "javac|maven", defaultValue = "javac",
            description = "How a save is recompiled: javac (in this JVM, fast) or maven (mvn -o -q package; "
                    + "slower, runs every plugin) (default: ${DEFAULT-VALUE}).")
    String compiler;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = GatewayConfig.DEFAULT_HOST,
            description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "3000",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where state lives (default: FUNCTIONS/.faas).")
    Path stateDir;

    @Option(names = "--debug", arity = "0..1", paramLabel = "PORT", fallbackValue = "5005",
            description = "Start with a debugger port (JDWP) an IDE attaches to (default port: 5005).")
    Integer debugPort;

    @Option(names = "--isolation", paramLabel = "[NAME=]MODE",
            description = "How the functions' environments are isolated: classloader (default; fastest reload, --debug"
                    + " breakpoints) or process (a child JVM on AWS's runtime interface client per environment), for"
                    + " every function or, as NAME=process, for one (repeatable). See docs/isolation.md.")
    List<String> isolation;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    /** What ends the command; tests replace it. */
    StopSignal stop;

    private final Map<MavenModule, JarPatcher> patchers = new HashMap<>();
    private final Map<MavenModule, ModuleCompiler> compilers = new HashMap<>();
    private final Map<MavenModule, List<String>> lastErrors = new HashMap<>();

    @Override
    public Integer call() throws Exception {
        if (debugPort != null) {
            return DebugLaunch.relaunch(debugPort, spec.root().commandLine().getParseResult().originalArgs(),
                    spec.commandLine().getErr());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(dir.resolve("pom.xml"))) {
            throw CliException.usage(dir + " has no pom.xml; faas dev watches a Maven project, such as one made by "
                    + "faas new NAME (to serve a folder of JARs, use faas run)");
        }
        if (!compiler.equals("javac") && !compiler.equals("maven")) {
            throw CliException.usage("--compiler " + compiler + " is not known; use javac or maven");
        }
        IsolationChoice.parse(isolation); // a bad value is said before the first build, not after it
        List<MavenModule> modules = MavenModule.in(dir);
        if (modules.isEmpty()) {
            throw CliException.usage(dir + " has no src/main/java, in it or in a module folder; nothing to watch");
        }
        Path served = functions != null ? functions : dir.resolve("target/function");
        if (jars(served).isEmpty()) {
            firstBuild(err);
            if (jars(served).isEmpty()) {
                throw CliException.usage("no JAR in " + served + " after mvn package; pass --functions with the folder "
                        + "your pom writes the shaded JAR to");
            }
        }
        for (MavenModule module : modules) {
            prepare(module, served, err);
        }
        RunCommand run = new RunCommand();
        run.spec = spec;
        run.dir = served;
        run.host = host;
        run.port = port;
        run.noWatch = true; // the sources are watched here; the JAR changes are ours
        run.stateDir = stateDir;
        run.isolation = isolation;
        run.common = common;
        run.project = new ProjectSource(); // faas dev serves the folder it built, never a template
        run.access = new AccessOptions(); // no gateway policies under faas dev
        run.stop = stop;
        run.onReady = reload -> watch(modules, reload, out, err);
        return run.call();
    }

    private void watch(List<MavenModule> modules, Runnable reload, PrintWriter out, PrintWriter err) {
        try {
            SourceWatcher.start(modules, changed -> rebuild(changed, reload, out, err));
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot watch the sources of " + dir + ": " + e.getMessage(), e);
        }
        Thread warmUp = new Thread(() -> compilers.values().forEach(ModuleCompiler::warmUp), "faas-dev-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
        out.println("Watching " + String.join(", ", modules.stream().map(m -> dir.toAbsolutePath().normalize()
                .relativize(m.sources()).toString()).toList()) + ": a save recompiles (" + compiler + ") and reloads");
    }

    private void firstBuild(PrintWriter err) {
        Progress progress = Progress.start(err, "building " + dir + " with Maven (first run)");
        MavenBuild.Result result = MavenBuild.run(dir, false, Duration.ofMinutes(10));
        if (!result.ok()) {
            progress.close();
            result.output().lines().filter(l -> l.contains("ERROR")).limit(20).forEach(err::println);
            throw new CliException(ExitCodes.FUNCTION_ERROR, "the first build of " + dir + " failed; fix it, or run "
                    + "mvn package there to see the whole output");
        }
        progress.done("built " + dir + " in " + progress.elapsed());
    }

    private void prepare(MavenModule module, Path served, PrintWriter err) throws IOException, URISyntaxException {
        Path jar = jarOf(module, served);
        if (jar == null) {
            err.println("faas: warning: no JAR in " + served + " holds the classes of " + module.artifactId()
                    + "; its saves are not reloaded");
            return;
        }
        if (compiler.equals("maven")) {
            return;
        }
        List<Path> classpath = new ArrayList<>();
        for (String folder : List.of("provided", "lib")) {
            classpath.addAll(jars(module.dir().resolve(folder)));
        }
        // faas-api is provided scope, so it is not in the shaded JAR; this faas carries the same classes
        classpath.add(Path.of(dev.localfaas.api.Function.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        ModuleCompiler javac = ModuleCompiler.of(module, jar, classpath);
        if (javac == null) {
            err.println("faas: warning: this Java has no compiler (a JRE); saves are rebuilt with Maven, which is slower");
            compiler = "maven";
            return;
        }
        compilers.put(module, javac);
        patchers.put(module, new JarPatcher(jar, module.classes()));
    }

    private void rebuild(Set<MavenModule> changed, Runnable reload, PrintWriter out, PrintWriter err) {
        boolean any = false;
        for (MavenModule module : changed) {
            try {
                any |= compiler.equals("maven") ? viaMaven(module, out, err) : viaJavac(module, out, err);
            } catch (IOException | UncheckedIOException e) {
                err.println("faas: " + module.artifactId() + ": cannot rebuild: " + e
                        + "; still serving the previous version");
            }
        }
        err.flush();
        if (any) {
            reload.run();
        }
    }

    private boolean viaJavac(MavenModule module, PrintWriter out, PrintWriter err) throws IOException {
        ModuleCompiler javac = compilers.get(module);
        if (javac == null) {
            return false;
        }
        CompileResult result;
        try (Progress progress = Progress.after(1000, err, "recompiling " + module.artifactId())) {
            result = javac.compile();
        }
        if (!result.ok()) {
            reportErrors(module, result.errors(), err);
            return false;
        }
        lastErrors.remove(module);
        patchers.get(module).patch(result.output(), module.resources());
        out.println("Recompiled " + module.artifactId() + " in " + result.millis() + " ms");
        out.flush();
        return true;
    }

    private boolean viaMaven(MavenModule module, PrintWriter out, PrintWriter err) {
        long start = System.nanoTime();
        MavenBuild.Result result;
        try (Progress progress = Progress.after(1000, err, "rebuilding " + module.artifactId() + " with Maven")) {
            result = MavenBuild.run(module.dir(), true, Duration.ofMinutes(5));
        }
        if (!result.ok()) {
            reportErrors(module, result.output().lines().filter(l -> l.startsWith("[ERROR] /"))
                    .map(l -> l.substring("[ERROR] ".length())).distinct().toList(), err);
            return false;
        }
        lastErrors.remove(module);
        out.println("Rebuilt " + module.artifactId() + " with Maven in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        out.flush();
        return true;
    }

    /** Each error once: the same errors after another save are not printed again. */
    private void reportErrors(MavenModule module, List<String> errors, PrintWriter err) {
        if (errors.equals(lastErrors.get(module))) {
            return;
        }
        lastErrors.put(module, errors);
        err.println("faas: " + module.artifactId() + " does not compile (" + errors.size() + " error"
                + (errors.size() == 1 ? "" : "s") + "); still serving the previous version:");
        errors.forEach(e -> err.println("  " + e));
        err.flush();
    }

    /** The served JAR that holds one of the module's classes, else the one named after its artifactId. */
    private static Path jarOf(MavenModule module, Path served) throws IOException {
        List<String> classes = new ArrayList<>();
        if (Files.isDirectory(module.classes())) {
            try (Stream<Path> files = Files.walk(module.classes())) {
                files.filter(f -> f.toString().endsWith(".class")).limit(3)
                        .forEach(f -> classes.add(module.classes().relativize(f).toString().replace('\\', '/')));
            }
        }
        for (Path jar : jars(served)) {
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
                if (classes.stream().anyMatch(c -> zip.getEntry(c) != null)) {
                    return jar;
                }
            } catch (IOException e) {
                // not a zip: discovery reports it
            }
        }
        Path named = served.resolve(module.artifactId() + ".jar");
        return Files.isRegularFile(named) ? named : null;
    }

    private static List<Path> jars(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")
                    && !f.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
