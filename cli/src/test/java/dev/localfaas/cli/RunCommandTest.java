package dev.localfaas.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code faas run} in-process: the table, the ready line, live logs, reload, a clean stop, one-line errors. */
class RunCommandTest {

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

    private String awaitReady() {
        Pattern ready = Pattern.compile("Ready on (http://127\\.0\\.0\\.1:\\d+)");
        await().atMost(20, TimeUnit.SECONDS).until(() -> ready.matcher(out()).find());
        Matcher m = ready.matcher(out());
        m.find();
        return m.group(1);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private Path functions(String... jars) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("functions"));
        for (String jar : jars) {
            Files.copy(CliRun.samples().resolve(jar), dir.resolve(jar));
        }
        return dir;
    }

    @Test
    void servesPrintsTheTableAndLiveLogsThenStopsCleanly() throws Exception {
        Path dir = functions("hello.jar", "users-api.jar", "tick.jar");
        CompletableFuture<Integer> exit = run("run", dir.toString(), "--port", "0", "--no-watch",
                "--state-dir", tmp.resolve("state").toString(), "--keep-warm", "30s");
        String url = awaitReady();
        String banner = out();
        assertTrue(banner.contains("serving " + dir), banner);
        assertTrue(banner.lines().anyMatch(l -> l.matches("FUNCTION\\s+ROUTES\\s+SCHEDULES\\s+QUEUES")), banner);
        assertTrue(banner.lines().anyMatch(l -> l.matches("users-api\\s+GET /users/\\{id}\\s+-\\s+-")), banner);
        assertTrue(banner.lines().anyMatch(l -> l.matches("hello\\s+ANY /hello, ANY /hello/\\{proxy\\+}\\s+-\\s+-")), banner);
        assertTrue(banner.lines().anyMatch(l -> l.startsWith("tick ") && l.contains("rate(")), banner);
        assertTrue(banner.contains("Invoke API  POST " + url + "/2015-03-31/functions/{name}/invocations"), banner);
        assertTrue(banner.indexOf("Invoke API") < banner.indexOf("Ready on"), "the table comes before the ready line");
        assertTrue(banner.contains("AWS APIs (SQS, SNS, EventBridge, Lambda) on " + url + ": region us-east-1, account 123456789012;"
                + " functions get AWS_ENDPOINT_URL and dummy credentials"), banner);
        HttpResponse<String> queues = http.send(HttpRequest.newBuilder(URI.create(url + "/"))
                .header("X-Amz-Target", "AmazonSQS.ListQueues").header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, queues.statusCode(), queues.body());
        assertEquals("application/x-amz-json-1.0", queues.headers().firstValue("content-type").orElseThrow());

        HttpResponse<String> user = get(url + "/users/42");
        assertEquals(200, user.statusCode());
        await().atMost(5, TimeUnit.SECONDS).until(() -> out().lines().anyMatch(
                l -> l.matches("users-api \\| START RequestId: \\S+ Version: \\$LATEST")));
        assertTrue(out().lines().anyMatch(l -> l.equals("users-api | users-api: looking up user 42")), out());
        assertTrue(out().lines().anyMatch(l -> l.startsWith("users-api | REPORT RequestId: ")), out());

        stop.countDown();
        assertEquals(0, exit.get(20, TimeUnit.SECONDS));
        assertTrue(out().endsWith("Stopped." + System.lineSeparator()), out());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void invokeWithUrlGoesThroughTheRunningGateway() throws Exception {
        Path dir = functions("hello.jar");
        CompletableFuture<Integer> exit = run("run", dir.toString(), "--port", "0", "--no-watch",
                "--state-dir", tmp.resolve("state").toString());
        String url = awaitReady();
        Path event = Files.writeString(tmp.resolve("event.json"), "{\"name\":\"remote\"}");
        CliRun invoked = CliRun.of("invoke", "hello", "--url", url, "--event", event.toString());
        assertEquals(0, invoked.exitCode(), invoked.err());
        assertEquals("{\"message\":\"Hello, remote!\"}" + System.lineSeparator(), invoked.out());
        assertTrue(invoked.err().startsWith("START RequestId: "), invoked.err());
        assertTrue(invoked.err().contains("REPORT RequestId: "), invoked.err());
        CliRun missing = CliRun.of("invoke", "nope", "--url", url);
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertTrue(missing.err().contains("ResourceNotFoundException"), missing.err());
        stop.countDown();
        assertEquals(0, exit.get(20, TimeUnit.SECONDS));
    }

    @Test
    void payloadFormatOptionChoosesTheEventOfOneFunctionOnItsDefaultRoutes() throws Exception {
        Path dir = functions("hello.jar", "users-api.jar");
        CompletableFuture<Integer> exit = run("run", dir.toString(), "--port", "0", "--no-watch",
                "--state-dir", tmp.resolve("state").toString(), "--payload-format", "hello=1.0");
        String url = awaitReady();
        HttpResponse<String> rest = get(url + "/hello?name=Ada");
        assertEquals(502, rest.statusCode(), "a Map answer without statusCode is refused in 1.0: " + rest.body());
        assertTrue(rest.headers().firstValue("x-amzn-RequestId").isPresent(), "payload 1.0: " + rest.headers());
        HttpResponse<String> http = get(url + "/users/7");
        assertTrue(http.headers().firstValue("apigw-requestid").isPresent(), "others keep 2.0: " + http.headers());
        stop.countDown();
        assertEquals(0, exit.get(20, TimeUnit.SECONDS));
    }

    @Test
    void aChangedFolderIsReloaded() throws Exception {
        Path dir = functions("users-api.jar");
        CompletableFuture<Integer> exit = run("run", dir.toString(), "--port", "0",
                "--state-dir", tmp.resolve("state").toString());
        String url = awaitReady();
        assertTrue(out().contains(", watching " + dir + " for changed JARs"), out());
        assertEquals(404, get(url + "/hello").statusCode());
        Files.copy(CliRun.samples().resolve("hello.jar"), dir.resolve("hello.jar"));
        await().atMost(10, TimeUnit.SECONDS).until(() -> out().contains("Reloaded " + dir + ": 2 functions (hello, users-api)"));
        assertEquals(200, get(url + "/hello").statusCode());
        stop.countDown();
        assertEquals(0, exit.get(20, TimeUnit.SECONDS));
    }

    @Test
    void portInUseIsAUsageErrorOnOneLine() throws Exception {
        Path dir = functions("hello.jar");
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            CompletableFuture<Integer> exit = run("run", dir.toString(), "--port", String.valueOf(taken.getLocalPort()),
                    "--no-watch", "--state-dir", tmp.resolve("state").toString());
            assertEquals(ExitCodes.USAGE, exit.get(20, TimeUnit.SECONDS));
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.matches("faas: port \\d+ on 127\\.0\\.0\\.1 is already in use; stop the program using it "
                + "or choose another port with --port \\(0 picks a free one\\)\\R"), message);
    }

    @Test
    void badArgumentsAreOneLineUsageErrors() throws Exception {
        assertEquals(ExitCodes.USAGE, run("run", tmp.resolve("nope").toString()).get(10, TimeUnit.SECONDS));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("faas: no such directory: " + tmp.resolve("nope")
                + "; pass the folder holding your function JARs"), err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(ExitCodes.USAGE, run("run", tmp.toString(), "--keep-warm", "soon").get(10, TimeUnit.SECONDS));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(
                "'soon' is not a duration; write it like 500ms, 30s, 10m or 1h"), err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(ExitCodes.USAGE, run("run", tmp.toString(), "--port", "70000").get(10, TimeUnit.SECONDS));
        assertEquals("faas: --port 70000 is not a TCP port; use 1 to 65535, or 0 for a free one" + System.lineSeparator(),
                err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(ExitCodes.USAGE, run("run", tmp.toString(), "--payload-format", "hello=3").get(10, TimeUnit.SECONDS));
        assertEquals("faas: --payload-format hello=3 is not a payload format; use 1.0 (REST API) or 2.0 (HTTP API),"
                + " for one function as NAME=1.0" + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(ExitCodes.USAGE, run("run", tmp.toString(), "--isolation", "hello=vm").get(10, TimeUnit.SECONDS));
        assertEquals("faas: --isolation hello=vm is not an isolation; use classloader or process, for one function as"
                + " NAME=process" + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
    }
}
