package dev.localfaas.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
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

/**
 * AWS's own SAM starter templates, served by {@code faas run} on port 0 with the real sample JARs: the hello-world
 * API (a Maven module's shaded JAR, payload 1.0 from the Api event), the SQS starter (a folder package, a queue
 * from the template), the scheduled-event starter (its cron schedule fired through the admin API).
 */
class TemplateRunTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newHttpClient();

    /** {@code faas run ARGS} in-process, looking for a template in {@code workingDir} when none is named. */
    private CompletableFuture<Integer> run(Path workingDir, String... args) {
        CommandLine cli = Faas.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        RunCommand run = (RunCommand) cli.getSubcommands().get("run").getCommandSpec().userObject();
        run.stop = stop::await;
        run.project.workingDir = workingDir;
        return CompletableFuture.supplyAsync(() -> cli.execute(args));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String awaitReady() {
        Pattern ready = Pattern.compile("Ready on (http://127\\.0\\.0\\.1:\\d+)");
        await().atMost(30, TimeUnit.SECONDS).until(() -> ready.matcher(out()).find()
                || !err.toString(StandardCharsets.UTF_8).isEmpty() && out().contains("Stopped."));
        Matcher m = ready.matcher(out());
        assertTrue(m.find(), out() + err);
        return m.group(1);
    }

    static Path template(Path dir, String resource) throws IOException {
        Files.createDirectories(dir);
        try (InputStream in = TemplateRunTest.class.getResourceAsStream("/templates/" + resource)) {
            assertNotNull(in, resource);
            return Files.write(dir.resolve("template.yaml"), in.readAllBytes());
        }
    }

    private HttpResponse<String> send(String method, String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void helloWorldStarterServesItsApiEventWithPayload10FromTheMavenModule() throws Exception {
        Path app = tmp.resolve("hello-world");
        template(app, "aws-hello-world.yaml");
        Path module = Files.createDirectories(app.resolve("HelloWorldFunction").resolve("target"));
        Files.writeString(app.resolve("HelloWorldFunction").resolve("pom.xml"), "<project/>");
        Files.copy(CliRun.samples().resolveSibling("test-functions").resolve("fixtures-events.jar"),
                module.resolve("HelloWorld-1.0.jar"));
        Files.write(module.resolve("original-HelloWorld-1.0.jar"), new byte[] {1}); // the thin JAR shade keeps aside

        CompletableFuture<Integer> exit = run(app, "run", "--port", "0", "--state-dir", tmp.resolve("state").toString());
        String url = awaitReady();
        assertTrue(out().contains("template.yaml (SAM template)"), out());
        assertTrue(out().lines().anyMatch(l -> l.matches("HelloWorldFunction\\s+GET /hello\\s+-\\s+-")), out());
        assertTrue(out().contains("HelloWorldFunction         arn:aws:lambda:us-east-1:123456789012:function:HelloWorldFunction"), out());
        assertTrue(out().contains("https://ServerlessRestApi.execute-api.us-east-1.amazonaws.com/Prod/hello/"), out());
        assertTrue(out().contains("-> here: " + url + "/hello/"), "the output's URL served here, without its stage: "
                + out());
        assertTrue(out().contains("arn:aws:iam::123456789012:role/HelloWorldFunctionRole"), out());

        HttpResponse<String> hello = send("GET", url + "/hello", null);
        assertEquals(200, hello.statusCode(), hello.body());
        assertEquals("{\"ok\":true}", hello.body());
        // the Api event makes it a REST API: payload 1.0, whose response mapping keeps multi-value headers
        assertTrue(hello.headers().firstValue("x-amzn-RequestId").isPresent(), hello.headers().toString());
        assertEquals(2, hello.headers().allValues("set-cookie").size(), hello.headers().toString());
        assertEquals(404, send("GET", url + "/HelloWorldFunction", null).statusCode(), "no implicit route");

        stop.countDown();
        assertEquals(0, exit.get(20, TimeUnit.SECONDS));
    }

    @Test
    void sqsStarterConsumesItsTemplateQueueFromAFolderPackage() throws Exception {
        Path app = tmp.resolve("sqs-app");
        Path template = template(app, "aws-sqs.yaml");
        Path lib = Files.createDirectories(app.resolve("src/SQSEventSource/lib"));
        Files.copy(CliRun.samples().resolveSibling("test-functions").resolve("fixtures-events.jar"),
                lib.resolve("fixtures-events.jar"));

        CompletableFuture<Integer> exit = run(tmp, "run", "-t", template.toString(), "--port", "0",
                "--state-dir", tmp.resolve("state").toString());
        String url = awaitReady();
        assertTrue(out().lines().anyMatch(l -> l.matches("SQSPayloadLogger\\s+-\\s+-\\s+SimpleQueue")), out());
        assertTrue(out().contains("arn:aws:sqs:us-east-1:123456789012:SimpleQueue"), out());

        assertEquals(200, send("POST", url + "/_faas/queues/SimpleQueue/messages", "hello from the template")
                .statusCode());
        await().atMost(20, TimeUnit.SECONDS).until(() -> send("GET", url + "/_faas/queues", null).body()
                .contains("\"deletedMessages\":1"));
        await().atMost(20, TimeUnit.SECONDS).until(() -> out().lines().anyMatch(
                l -> l.startsWith("SQSPayloadLogger | REPORT RequestId: ") && l.contains("Memory Size: 256 MB")));

        stop.countDown();
        assertEquals(0, exit.get(20, TimeUnit.SECONDS));
    }

    @Test
    void scheduledStarterArmsItsCronAndFiresOnRequest() throws Exception {
        Path app = tmp.resolve("scheduled");
        template(app, "aws-scheduled.yaml");
        Files.copy(CliRun.samples().resolve("tick.jar"), app.resolve("tick.jar"));

        CompletableFuture<Integer> exit = run(app, "run", "--port", "0", "--state-dir", tmp.resolve("state").toString());
        String url = awaitReady();
        String schedules = send("GET", url + "/_faas/schedules", null).body();
        assertTrue(schedules.contains("\"function\":\"ScheduledEventLogger\""), schedules);
        assertTrue(schedules.contains("\"expression\":\"cron(0 * * * ? *)\""), schedules);

        assertEquals(202, send("POST", url + "/_faas/schedules/ScheduledEventLogger/fire", "").statusCode());
        await().atMost(20, TimeUnit.SECONDS).until(() -> out().lines()
                .anyMatch(l -> l.startsWith("ScheduledEventLogger | tick: Scheduled Event at ")));

        stop.countDown();
        assertEquals(0, exit.get(20, TimeUnit.SECONDS));
    }

    @Test
    void aFolderOfJarsWithoutTemplateIsServedAsBefore() throws Exception {
        Path functions = Files.createDirectories(tmp.resolve("functions"));
        Files.copy(CliRun.samples().resolve("hello.jar"), functions.resolve("hello.jar"));
        CompletableFuture<Integer> exit = run(tmp, "run", functions.toString(), "--port", "0", "--no-watch",
                "--state-dir", tmp.resolve("state").toString());
        String url = awaitReady();
        assertTrue(out().contains("serving " + functions), out());
        assertEquals(200, send("GET", url + "/hello", null).statusCode());
        assertFalse(out().contains("Outputs"), out());
        stop.countDown();
        assertEquals(0, exit.get(20, TimeUnit.SECONDS));
    }
}
