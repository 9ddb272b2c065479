package dev.localfaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped {@code faas.jar} as a child process, the way users run it: stdout, stderr and exit code. */
class FaasJarInvokeIT {

    @TempDir
    Path state;

    @Test
    void invokeHelloEndToEnd() throws Exception {
        FaasJar.Result r = FaasJar.exec(state, "invoke", "hello", "--dir", CliRun.samples().toString(),
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
        FaasJar.Result error = FaasJar.exec(state, "invoke", "thrower", "--dir", fixtures.toString(), "--state-dir", state.toString());
        assertEquals(1, error.exitCode(), error.err());
        assertTrue(error.out().contains("\"errorType\":\"java.lang.IllegalStateException\""), error.out());

        FaasJar.Result usage = FaasJar.exec(state, "invoke", "nope", "--dir", CliRun.samples().toString(), "--state-dir", state.toString());
        assertEquals(2, usage.exitCode());
        assertTrue(usage.err().startsWith("faas: no function named 'nope'"), usage.err());
        assertTrue(!usage.err().contains("\tat "), "no stack trace: " + usage.err());
    }
}
