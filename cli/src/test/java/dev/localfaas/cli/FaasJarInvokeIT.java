package dev.localfaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped {@code faas.jar} as a child process, the way users run it: stdout, stderr and exit code. */
class FaasJarInvokeIT {

    @TempDir
    Path state;

    record Result(int exitCode, String out, String err) {
    }

    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("faas.jar", "target/faas.jar")).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = workDir.resolve("out.txt");
        Path err = workDir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("faas.jar did not finish: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void invokeHelloEndToEnd() throws Exception {
        Result r = run(state, "invoke", "hello", "--dir", CliRun.samples().toString(),
                "--event", CliRun.events().resolve("hello.json").toString(), "--state-dir", state.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("{\"message\":\"Hello, "), r.out());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("START RequestId: ")), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("END RequestId: ")), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.matches("REPORT RequestId: \\S+\tDuration: .*\tInit Duration: .* ms")), r.err());
        assertTrue(!r.err().contains("WARNING"), "the manifest's Add-Opens make per-invocation getenv work: " + r.err());
    }

    @Test
    void functionErrorExits1AndUsageErrorExits2() throws Exception {
        Path fixtures = CliRun.samples().resolveSibling("test-functions");
        Result error = run(state, "invoke", "thrower", "--dir", fixtures.toString(), "--state-dir", state.toString());
        assertEquals(1, error.exitCode(), error.err());
        assertTrue(error.out().contains("\"errorType\":\"java.lang.IllegalStateException\""), error.out());

        Result usage = run(state, "invoke", "nope", "--dir", CliRun.samples().toString(), "--state-dir", state.toString());
        assertEquals(2, usage.exitCode());
        assertTrue(usage.err().startsWith("faas: no function named 'nope'"), usage.err());
        assertTrue(!usage.err().contains("\tat "), "no stack trace: " + usage.err());
    }
}
