package dev.localfaas.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code faas run --log-format json}, {@code --quiet} and bad console options, on the real gateway in-process. */
class ConsoleRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern READY = Pattern.compile("Ready on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newHttpClient();

    private CompletableFuture<Integer> run(String... args) {
        CommandLine cli = Faas.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        ((RunCommand) cli.getSubcommands().get("run").getCommandSpec().userObject()).stop = stop::await;
        return CompletableFuture.supplyAsync(() -> cli.execute(args));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String awaitReady(java.util.function.Supplier<String> text) {
        await().atMost(30, TimeUnit.SECONDS).until(() -> READY.matcher(text.get()).find());
        Matcher m = READY.matcher(text.get());
        m.find();
        return m.group(1);
    }

    private String get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private Path functions() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("functions"));
        Files.copy(CliRun.samples().resolve("users-api.jar"), dir.resolve("users-api.jar"));
        return dir;
    }

    @Test
    void jsonPutsLambdasJsonLogLinesAloneOnStdout() throws Exception {
        Path dir = functions();
        CompletableFuture<Integer> exit = run("run", dir.toString(), "--port", "0", "--no-watch", "--log-format", "json",
                "--state-dir", tmp.resolve("state").toString());
        String url = awaitReady(this::err);
        assertTrue(err().contains("users-api"), "the table goes to stderr: " + err());
        get(url + "/users/42");
        await().atMost(10, TimeUnit.SECONDS).until(() -> out().contains("platform.report"));
        List<JsonNode> records = out().lines().map(ConsoleRunTest::json).toList();
        JsonNode start = records.stream().filter(r -> r.path("type").asText().equals("platform.start")).findFirst()
                .orElseThrow();
        String requestId = start.get("record").get("requestId").asText();
        assertEquals("users-api", start.get("function").asText());
        JsonNode said = records.stream().filter(r -> r.path("message").asText().contains("looking up user 42"))
                .findFirst().orElseThrow(() -> new AssertionError(out()));
        assertEquals(requestId, said.get("requestId").asText());
        assertEquals("INFO", said.get("level").asText());
        assertTrue(said.get("timestamp").asText().endsWith("Z"));
        stop.countDown();
        assertEquals(0, exit.get(20, TimeUnit.SECONDS));
        out().lines().forEach(ConsoleRunTest::json); // the stop and the cost summary went to stderr too
    }

    @Test
    void quietKeepsInvocationLinesOffTheTerminalButInTheLogStoreAndDashboard() throws Exception {
        Path dir = functions();
        Path state = tmp.resolve("state");
        CompletableFuture<Integer> exit = run("run", dir.toString(), "--port", "0", "--no-watch", "--quiet",
                "--state-dir", state.toString());
        String url = awaitReady(this::out);
        assertTrue(out().lines().anyMatch(l -> l.startsWith("users-api ") && l.contains("GET /users/{id}")),
                "the table is still shown: " + out());
        get(url + "/users/7");
        await().atMost(10, TimeUnit.SECONDS).until(() -> get(url + "/_faas/logs?function=users-api")
                .contains("looking up user 7"));
        await().atMost(10, TimeUnit.SECONDS).until(() -> Files.exists(state.resolve("logs/invocations.jsonl"))
                && Files.readString(state.resolve("logs/invocations.jsonl")).contains("looking up user 7"));
        stop.countDown();
        assertEquals(0, exit.get(20, TimeUnit.SECONDS));
        assertFalse(out().contains("users-api |"), out());
        assertFalse(out().contains("RequestId"), out());
    }

    @Test
    void aTemplatesLoggingConfigShapesThatFunctionsLinesAsOnLambda() throws Exception {
        Path app = Files.createDirectories(tmp.resolve("app"));
        Files.copy(CliRun.samples().resolveSibling("test-functions").resolve("fixtures-behaviour.jar"),
                app.resolve("fixtures-behaviour.jar"));
        Path template = Files.writeString(app.resolve("template.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Levels:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: level-logger
                      Runtime: java21
                      CodeUri: fixtures-behaviour.jar
                      Handler: fixtures.behaviour.LevelLogger
                      LoggingConfig:
                        LogFormat: JSON
                        ApplicationLogLevel: WARN
                        SystemLogLevel: WARN
                """);
        CompletableFuture<Integer> exit = run("run", "-t", template.toString(), "--port", "0",
                "--state-dir", tmp.resolve("state").toString());
        String url = awaitReady(this::out);
        HttpResponse<String> invoked = http.send(HttpRequest.newBuilder(URI.create(url
                + "/2015-03-31/functions/level-logger/invocations")).POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, invoked.statusCode(), invoked.body());
        await().atMost(10, TimeUnit.SECONDS).until(() -> out().contains("level-logger: error line"));
        List<JsonNode> lines = out().lines().filter(l -> l.startsWith("{")).map(ConsoleRunTest::json).toList();
        assertEquals(List.of("WARN", "ERROR"), lines.stream().map(l -> l.get("level").asText()).toList(),
                "the function's levels: its logger drops DEBUG and INFO, the console hides the rest below WARN and"
                        + " the START and REPORT records below the system level WARN: " + out());
        assertEquals("level-logger", lines.get(0).get("function").asText());
        assertEquals("level-logger: warn line", lines.get(0).get("message").asText());
        assertTrue(lines.get(0).has("AWSRequestId"), "the AWS logger's own record, kept as written");
        stop.countDown();
        assertEquals(0, exit.get(20, TimeUnit.SECONDS));
    }

    @Test
    void badConsoleOptionsAreOneLineUsageErrors() throws Exception {
        assertEquals(ExitCodes.USAGE, run("run", tmp.toString(), "--log-format", "xml").get(10, TimeUnit.SECONDS));
        assertEquals("faas: --log-format xml is not a log format; use text or json" + System.lineSeparator(), err());
        err.reset();
        assertEquals(ExitCodes.USAGE, run("run", tmp.toString(), "--log-level", "LOUD").get(10, TimeUnit.SECONDS));
        assertEquals("faas: --log-level LOUD is not a level; use TRACE, DEBUG, INFO, WARN, ERROR or FATAL"
                + System.lineSeparator(), err());
        err.reset();
        assertEquals(ExitCodes.USAGE, run("run", tmp.toString(), "--system-log-level", "TRACE").get(10, TimeUnit.SECONDS));
        assertEquals("faas: --system-log-level TRACE is not a system log level; use DEBUG, INFO or WARN"
                + System.lineSeparator(), err());
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("stdout holds a line that is not JSON: " + line, e);
        }
    }
}
