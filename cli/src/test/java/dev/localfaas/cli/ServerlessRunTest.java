package dev.localfaas.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
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

/** A Serverless Framework {@code serverless.yml} served by {@code faas run} on port 0: HTTP, queue and schedule. */
class ServerlessRunTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newHttpClient();

    private Path project() throws Exception {
        Path app = Files.createDirectories(tmp.resolve("demo"));
        for (String jar : new String[] {"users-api.jar", "orders-worker.jar", "tick.jar"}) {
            Files.copy(CliRun.samples().resolve(jar), app.resolve(jar));
        }
        try (InputStream in = getClass().getResourceAsStream("/templates/serverless.yml")) {
            return Files.write(app.resolve("serverless.yml"), in.readAllBytes());
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(String method, String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheServiceWithItsVariablesResolved() throws Exception {
        Path app = project().getParent();
        CommandLine cli = Faas.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        RunCommand run = (RunCommand) cli.getSubcommands().get("run").getCommandSpec().userObject();
        run.stop = stop::await;
        run.project.workingDir = app;
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("run", "--port", "0",
                "--state-dir", tmp.resolve("state").toString()));
        Pattern ready = Pattern.compile("Ready on (http://127\\.0\\.0\\.1:\\d+)");
        await().atMost(60, TimeUnit.SECONDS).until(() -> ready.matcher(out()).find() || exit.isDone());
        Matcher m = ready.matcher(out());
        assertTrue(m.find(), out() + err);
        String url = m.group(1);
        assertTrue(out().contains("serverless.yml (Serverless Framework file)"), out());
        assertTrue(out().lines().anyMatch(l -> l.matches(
                "demo-dev-users\\s+GET /legacy/users/\\{id}, GET /users/\\{id}\\s+-\\s+-")), out());
        assertTrue(out().lines().anyMatch(l -> l.matches("demo-dev-worker\\s+-\\s+-\\s+demo-jobs-dev")), out());
        assertTrue(out().contains("JobsQueueUrl  http://127.0.0.1:0/123456789012/demo-jobs-dev"), out());
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("not served"), err.toString(StandardCharsets.UTF_8));
        assertTrue(send("GET", url + "/_faas/topics", null).body().contains("alerts"), "the sns event subscribes tick");

        HttpResponse<String> user = send("GET", url + "/users/7", null);
        assertEquals(200, user.statusCode(), user.body());
        assertTrue(user.body().contains("\"id\":\"7\""), user.body());

        String schedules = send("GET", url + "/_faas/schedules", null).body();
        assertTrue(schedules.contains("\"function\":\"demo-dev-tick\"") && schedules.contains("rate(1 hour)"), schedules);

        String queues = send("GET", url + "/_faas/queues", null).body();
        assertTrue(queues.contains("\"name\":\"demo-jobs-dev\"") && queues.contains("\"deadLetterQueue\":\"demo-jobs-dlq\""),
                queues);
        assertEquals(200, send("POST", url + "/_faas/queues/demo-jobs-dev/messages", "a job").statusCode());
        await().atMost(20, TimeUnit.SECONDS).until(() -> out().lines()
                .anyMatch(l -> l.startsWith("demo-dev-worker | orders-worker: processed message ")));
        await().atMost(20, TimeUnit.SECONDS).until(() -> out().lines()
                .anyMatch(l -> l.startsWith("demo-dev-worker | REPORT") && l.contains("Memory Size: 256 MB")));

        stop.countDown();
        assertEquals(0, exit.get(20, TimeUnit.SECONDS));
    }

    @Test
    void theStageOptionReachesSelfAndSlsVariables() throws Exception {
        Path file = project();
        CliRun list = CliRun.of("list", "-t", file.toString(), "--stage", "prod", "--json");
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("\"name\" : \"demo-prod-users\"") || list.out().contains("\"name\":\"demo-prod-users\""),
                list.out());
        assertTrue(list.out().contains("demo-jobs-prod"), list.out());
        assertTrue(list.out().contains("hello-prod"), list.out());

        CliRun bad = CliRun.of("validate", "-t", file.toString(), "--stage", "test");
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.out().startsWith(file + ":58:28: "), bad.out());
        assertTrue(bad.out().contains("${self:custom.visibility.test} has no value; declare it in serverless.yml, or"
                + " add a fallback"), bad.out());
    }
}
