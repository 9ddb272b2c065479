package dev.localfaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faas invoke}: payload on stdout, log on stderr, exit codes, and every usage error's one line. */
class InvokeCommandTest {

    @TempDir
    Path state;

    private CliRun invoke(String... extra) {
        String[] base = {"invoke", "--dir", CliRun.samples().toString(), "--state-dir", state.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void printsThePayloadOnStdoutAndTheLogOnStderr() {
        CliRun run = invoke("hello", "--event", CliRun.events().resolve("hello.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"message\":\"Hello, "), run.out());
        assertTrue(run.err().lines().anyMatch(l -> l.startsWith("START RequestId: ") && l.endsWith(" Version: $LATEST")), run.err());
        assertTrue(run.err().lines().anyMatch(l -> l.startsWith("REPORT RequestId: ") && l.contains("\tInit Duration: ")), run.err());
        assertFalse(run.out().contains("START"), "the log stays off stdout");
    }

    @Test
    void anAwsCallWithNoGatewayRunningIsExplained() throws IOException {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort(); // closed again: nothing listens there during the invocation
        }
        Path fixtures = CliRun.samples().resolveSibling("test-functions");
        CliRun run = CliRun.of("invoke", "sqs-sender", "--dir", fixtures.toString(), "--state-dir", state.toString(),
                "--event", CliRun.events().resolve("orders-rest.json").toString(),
                "--aws-endpoint", "http://127.0.0.1:" + port);
        assertTrue(run.out().contains("could not be queued"), run.out());
        assertTrue(run.err().contains("faas: sqs-sender called an AWS service at http://127.0.0.1:" + port
                + " (AWS_ENDPOINT_URL) and nothing answers there; start the gateway with faas run in another terminal"
                + " (it serves SQS, SNS, EventBridge and Lambda), or pass --aws-endpoint with where it runs"), run.err());
    }

    @Test
    void defaultEventIsAnEmptyObject() {
        CliRun run = invoke("hello");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Hello, world!"), run.out());
    }

    @Test
    void streamHandlersTakeAnyBytes(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("in.txt"), "quiet please");
        CliRun run = invoke("shout", "--event", text.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("QUIET PLEASE", run.out().strip());
    }

    @Test
    void unknownFunctionListsTheKnownOnesAndExits2() {
        CliRun run = invoke("nope");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("faas: no function named 'nope' in "), run.err());
        assertTrue(run.err().contains("known functions: ") && run.err().contains("hello"), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
    }

    @Test
    void missingDirectoryExits2() {
        CliRun run = CliRun.of("invoke", "hello", "--dir", state.resolve("missing").toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("faas: no such directory: " + state.resolve("missing")
                + "; pass --dir with the folder holding your function JARs", run.err().strip());
    }

    @Test
    void missingEventFileExits2() {
        CliRun run = invoke("hello", "--event", "no-such.json");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("faas: event file no-such.json does not exist; pass --event with a JSON file, or - for standard input",
                run.err().strip());
    }

    @Test
    void invalidEventJsonExits2WithWhereItBreaks(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"name\": }");
        CliRun run = invoke("hello", "--event", bad.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("faas: event " + bad + " is not valid JSON (line 1, column "), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void functionErrorPrintsTheErrorJsonAndExits1() {
        Path fixtures = CliRun.samples().resolveSibling("test-functions");
        CliRun run = CliRun.of("invoke", "thrower", "--dir", fixtures.toString(), "--state-dir", state.toString());
        assertEquals(ExitCodes.FUNCTION_ERROR, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("{\"errorMessage\":"), run.out());
        assertTrue(run.out().contains("\"errorType\":\"java.lang.IllegalStateException\""), run.out());
        assertTrue(run.err().contains("\tStatus: error"), run.err());
    }

    @Test
    void timeoutExits1WithLambdasTimeoutError() {
        Path fixtures = CliRun.samples().resolveSibling("test-functions");
        Path event = state.resolve("sleep.json");
        try {
            Files.writeString(event, "{\"ms\":5000}");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CliRun run = CliRun.of("invoke", "sleeper", "--dir", fixtures.toString(), "--state-dir", state.toString(),
                "--event", event.toString());
        assertEquals(ExitCodes.FUNCTION_ERROR, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"errorType\":\"Sandbox.Timedout\""), run.out());
        assertTrue(run.err().contains("Task timed out after 1.00 seconds"), run.err());
    }

    @Test
    void outOfRangeOverridesExit2() {
        CliRun run = invoke("hello", "--timeout", "0");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("faas: --timeout 0 is out of range; Lambda allows 1 to 900 seconds", run.err().strip());
    }

    @Test
    void isolationProcessRunsTheFunctionInAChildJvmWithItsRealMemory() throws IOException {
        CliRun run = invoke("hello", "--isolation", "process", "--event",
                CliRun.events().resolve("hello.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"message\":\"Hello, "), run.out());
        assertTrue(run.err().lines().anyMatch(l -> l.startsWith("REPORT RequestId: ")
                && l.matches(".*\tMax Memory Used: \\d+ MB\t.*")), "a child JVM's peak, not n/a: " + run.err());
        try (var envs = Files.list(state.resolve("environments"))) {
            assertEquals(0, envs.count(), "the environment's folder went with it");
        }
    }

    @Test
    void aBadIsolationIsOneLineNamingTheFlagAndTheChoices() {
        CliRun run = invoke("hello", "--isolation", "vm");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("faas: --isolation vm is not an isolation; use classloader or process, for one function as"
                + " NAME=process", run.err().strip());
        CliRun remote = invoke("hello", "--isolation", "process", "--url", "http://127.0.0.1:1");
        assertEquals(ExitCodes.USAGE, remote.exitCode());
        assertEquals("faas: --isolation does not apply with --url: the running gateway isolates its functions as it"
                + " was started; restart it with faas run --isolation, or drop --url", remote.err().strip());
    }

    @Test
    void badUsageExits2WithAHint() {
        CliRun run = CliRun.of("invoke");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("Missing required parameter: 'FUNCTION'"), run.err());
        assertTrue(run.err().contains("Try 'faas invoke --help'"), run.err());
    }
}
