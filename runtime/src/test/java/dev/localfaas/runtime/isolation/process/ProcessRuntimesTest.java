package dev.localfaas.runtime.isolation.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-line messages a user meets when a runtime process cannot start, and what a process is given. */
class ProcessRuntimesTest {

    @TempDir
    Path dir;

    @Test
    void aMissingNodeOrPythonIsOneLineThatSaysWhatToInstall() throws Exception {
        ProcessRuntimes runtimes = new ProcessRuntimes(dir.resolve("state"), dir.resolve("empty-bin").toString());
        LaunchException node = assertThrows(LaunchException.class, () -> runtimes.plan("nodejs20.x", dir, List.of(),
                128, Map.of("_HANDLER", "index.handler"), "127.0.0.1:1", dir.resolve("env")));
        assertEquals("node is not installed: nodejs20.x functions run on the machine's Node.js; install it (apt-get"
                + " install nodejs, or from the language's site) and put node on the PATH", node.getMessage());
        assertEquals("Runtime.InvalidEntrypoint", node.errorType());
        LaunchException python = assertThrows(LaunchException.class, () -> runtimes.plan("python3.12", dir, List.of(),
                128, Map.of(), "127.0.0.1:1", dir.resolve("env")));
        assertTrue(python.getMessage().startsWith("python3 is not installed: python3.12 functions run on the machine's"
                + " Python 3; install it (apt-get install python3"), python.getMessage());
    }

    @Test
    void aCustomRuntimeNeedsAnExecutableBootstrap() throws Exception {
        ProcessRuntimes runtimes = new ProcessRuntimes(dir.resolve("state"), "/usr/bin:/bin");
        Path code = Files.createDirectories(dir.resolve("code"));
        LaunchException missing = assertThrows(LaunchException.class, () -> runtimes.plan("provided.al2023", code,
                List.of(), 128, Map.of(), "127.0.0.1:1", dir.resolve("env")));
        assertEquals("Couldn't find valid bootstrap(s): [" + code.resolve("bootstrap") + "]; a provided runtime needs an"
                + " executable named bootstrap in its code folder", missing.getMessage());
        Files.writeString(code.resolve("bootstrap"), "#!/bin/sh\n");
        LaunchException notExecutable = assertThrows(LaunchException.class, () -> runtimes.plan("provided.al2023", code,
                List.of(), 128, Map.of(), "127.0.0.1:1", dir.resolve("env")));
        assertEquals(code.resolve("bootstrap") + " is not executable; chmod +x it", notExecutable.getMessage());
    }

    @Test
    void aJavaProcessGetsItsHeapFromTheMemorySizeAndItsOwnTmp() throws Exception {
        ProcessRuntimes runtimes = new ProcessRuntimes(dir.resolve("state"), "/usr/bin:/bin");
        Path jar = Files.writeString(dir.resolve("f.jar"), "");
        LaunchPlan plan = runtimes.plan("java21", jar, List.of(), 512, Map.of("_HANDLER", "a.B::handle"),
                "127.0.0.1:9001", dir.resolve("env"));
        assertTrue(plan.command().contains("-Xmx435m"), plan.command().toString());
        assertTrue(plan.command().contains("-Djava.io.tmpdir=" + dir.resolve("env").resolve("tmp")), plan.command().toString());
        assertEquals("a.B::handle", plan.command().get(plan.command().size() - 1));
        assertEquals("127.0.0.1:9001", plan.environment().get("AWS_LAMBDA_RUNTIME_API"));
        assertEquals(dir.resolve("env").resolve("tmp").toString(), plan.environment().get("TMPDIR"));
        assertTrue(Files.isSymbolicLink(plan.workDir().resolve("lib").resolve("0-function.jar")));
        assertTrue(Files.isRegularFile(dir.resolve("state/runtime/java/libaws-lambda-jni.so")),
                "the RIC's native library is extracted beside its JARs");
    }
}
