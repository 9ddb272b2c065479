package dev.localfaas.runtime.isolation.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the command that starts a runtime process, per Lambda runtime family:
 *
 * <ul>
 *   <li>Java ({@code java*}): a JVM with {@code -Xmx} from the memory size on AWS's runtime interface client, the
 *       package in its task root;</li>
 *   <li>custom runtimes ({@code provided*}): the package's own {@code bootstrap} executable;</li>
 *   <li>Node.js and Python: the machine's {@code node} or {@code python3} running a small bootstrap of ours that
 *       implements the Runtime API loop for {@code file.function} handlers.</li>
 * </ul>
 *
 * Each process gets the Lambda variables it is given, {@code AWS_LAMBDA_RUNTIME_API}, and its own folder for
 * {@code /tmp} ({@code TMPDIR}, {@code java.io.tmpdir}).
 */
public final class ProcessRuntimes {

    private final Path stateDir;
    private final String searchPath;
    private volatile RicClasspath ric;

    public ProcessRuntimes(Path stateDir) {
        this(stateDir, Optional.ofNullable(System.getenv("PATH")).orElse("/usr/local/bin:/usr/bin:/bin"));
    }

    /** Runtimes that look for node and python3 on {@code searchPath} (the PATH, given). */
    public ProcessRuntimes(Path stateDir, String searchPath) {
        this.stateDir = stateDir;
        this.searchPath = searchPath;
    }

    /**
     * The plan for one environment.
     *
     * @param runtime   the Lambda runtime identifier
     * @param code      the deployment package: a JAR or a folder
     * @param layers    JARs to put after the package (Java)
     * @param memoryMb  the function's memory size
     * @param variables the Lambda variables ({@code _HANDLER}, {@code AWS_LAMBDA_FUNCTION_NAME}, ...)
     * @param api       what {@code AWS_LAMBDA_RUNTIME_API} holds
     * @param folder    the environment's own folder, created by the caller's {@link ChildProcess}
     */
    public LaunchPlan plan(String runtime, Path code, List<Path> layers, int memoryMb, Map<String, String> variables,
                           String api, Path folder) throws LaunchException {
        Path tmp = folder.resolve("tmp");
        Map<String, String> env = new HashMap<>(variables);
        env.put("AWS_LAMBDA_RUNTIME_API", api);
        env.put("TMPDIR", tmp.toString());
        env.put("PATH", searchPath);
        env.put("LANG", "en_US.UTF-8");
        Optional.ofNullable(System.getenv("HOME")).ifPresent(home -> env.put("HOME", home));
        try {
            Files.createDirectories(tmp);
            if (runtime.startsWith("java")) {
                return java(code, layers, memoryMb, env, folder, tmp);
            }
            Path root = Files.isDirectory(code) ? code : code.getParent();
            env.put("LAMBDA_TASK_ROOT", root.toAbsolutePath().toString());
            if (runtime.startsWith("provided")) {
                env.remove("AWS_EXECUTION_ENV");
                return provided(root, env, folder);
            }
            if (runtime.startsWith("nodejs")) {
                env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + runtime);
                env.put("NODE_PATH", root.toAbsolutePath() + "/node_modules");
                return new LaunchPlan(List.of(program("node", "Node.js", "nodejs", runtime),
                        bootstrap("node-bootstrap.js").toString()), root, env, folder);
            }
            if (runtime.startsWith("python")) {
                env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + runtime);
                env.put("PYTHONUNBUFFERED", "1");
                env.put("PYTHONDONTWRITEBYTECODE", "1"); // Lambda's task root is read-only: no __pycache__ in the code folder
                return new LaunchPlan(List.of(program("python3", "Python 3", "python3", runtime),
                        bootstrap("python-bootstrap.py").toString()), root, env, folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new LaunchException("Runtime " + runtime + " is not one localfaas runs in a process; use java*, "
                + "provided.al2023, provided.al2, nodejs20.x, nodejs22.x, python3.12 or python3.13", "Runtime.InvalidRuntime");
    }

    private LaunchPlan java(Path code, List<Path> layers, int memoryMb, Map<String, String> env, Path folder, Path tmp)
            throws IOException {
        RicClasspath classpath = ric();
        Path taskRoot;
        if (Files.isDirectory(code)) {
            taskRoot = code.toAbsolutePath(); // an unpacked package: classes at the root, lib/*.jar, as in /var/task
        } else {
            // The RIC loads the task root and task-root/lib/*.jar in name order: the package first, then its layers.
            taskRoot = folder.resolve("task");
            Path lib = Files.createDirectories(taskRoot.resolve("lib"));
            Files.createSymbolicLink(lib.resolve("0-function.jar"), code.toAbsolutePath());
            for (int i = 0; i < layers.size(); i++) {
                Files.createSymbolicLink(lib.resolve("1-layer-" + (char) ('a' + i) + ".jar"), layers.get(i).toAbsolutePath());
            }
        }
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        // Lambda's Java runtimes give the heap most of the memory and stop the JIT at C1 for fast starts.
        long heapMb = Math.max(16, memoryMb * 85L / 100);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMb + "m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-Djava.io.tmpdir=" + tmp,
                "-Duser.timezone=UTC",
                "-D" + RicClasspath.JNI_PROPERTY + "=" + classpath.nativeLibrary(),
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "-cp", classpath.classpath(),
                RicClasspath.MAIN_CLASS,
                env.get("_HANDLER")));
        return new LaunchPlan(command, taskRoot, env, folder, true);
    }

    private static LaunchPlan provided(Path root, Map<String, String> env, Path folder) throws LaunchException {
        Path bootstrap = root.resolve("bootstrap");
        if (!Files.isRegularFile(bootstrap)) {
            throw new LaunchException("Couldn't find valid bootstrap(s): [" + bootstrap + "]; a provided runtime needs an "
                    + "executable named bootstrap in its code folder", "Runtime.InvalidEntrypoint");
        }
        if (!Files.isExecutable(bootstrap)) {
            throw new LaunchException(bootstrap + " is not executable; chmod +x it", "Runtime.InvalidEntrypoint");
        }
        return new LaunchPlan(List.of(bootstrap.toAbsolutePath().toString()), root, env, folder);
    }

    private synchronized RicClasspath ric() {
        if (ric == null) {
            ric = RicClasspath.extractTo(stateDir.resolve("runtime").resolve("java"));
        }
        return ric;
    }

    /** Our bootstrap for a language runtime, extracted to the state dir. */
    private Path bootstrap(String name) throws IOException {
        Path target = stateDir.resolve("runtime").resolve(name);
        try (InputStream in = ProcessRuntimes.class.getResourceAsStream(name)) {
            byte[] bytes = in.readAllBytes();
            if (!Files.exists(target) || Files.size(target) != bytes.length) {
                Files.createDirectories(target.getParent());
                Path temp = Files.createTempFile(target.getParent(), name, ".part");
                Files.write(temp, bytes);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return target;
    }

    /** The program on the PATH, or one line that says what to install. */
    private String program(String name, String language, String debianPackage, String runtime)
            throws LaunchException {
        return onPath(name, searchPath).orElseThrow(() -> new LaunchException(name + " is not installed: " + runtime
                + " functions run on the machine's " + language + "; install it (apt-get install " + debianPackage
                + ", or from the language's site) and put " + name + " on the PATH", "Runtime.InvalidEntrypoint"))
                .toString();
    }

    /** Where {@code name} is on the PATH. */
    public static Optional<Path> onPath(String name) {
        return onPath(name, Optional.ofNullable(System.getenv("PATH")).orElse(""));
    }

    private static Optional<Path> onPath(String name, String path) {
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
