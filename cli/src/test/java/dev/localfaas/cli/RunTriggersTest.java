package dev.localfaas.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code faas run} serves schedules, queues, usage and metrics beside HTTP, and prints the bill when it stops. */
class RunTriggersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newHttpClient();
    private CompletableFuture<Integer> exit;
    private String url;

    @BeforeEach
    void start() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("functions"));
        for (String jar : new String[] {"tick.jar", "orders-worker.jar", "hello.jar"}) {
            Files.copy(CliRun.samples().resolve(jar), dir.resolve(jar));
        }
        CommandLine cli = Faas.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        ((RunCommand) cli.getSubcommands().get("run").getCommandSpec().userObject()).stop = stop::await;
        exit = CompletableFuture.supplyAsync(() -> cli.execute("run", dir.toString(), "--port", "0", "--no-watch"));
        Pattern ready = Pattern.compile("Ready on (http://127\\.0\\.0\\.1:\\d+)");
        await().atMost(20, TimeUnit.SECONDS).until(() -> ready.matcher(out()).find() || exit.isDone());
        Matcher m = ready.matcher(out());
        assertTrue(m.find(), out() + err());
        url = m.group(1);
    }

    @AfterEach
    void stopServer() throws Exception {
        stop.countDown();
        assertEquals(0, exit.get(30, TimeUnit.SECONDS), err());
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listsSchedulesWithTheirNextFiringsAndFiresOneOnRequest() throws Exception {
        assertTrue(out().contains("tick  rate(1 minute)"), out());
        JsonNode schedules = JSON.readTree(send("GET", "/_faas/schedules", null).body()).get("schedules");
        assertEquals("tick", schedules.get(0).get("function").asText());
        assertEquals(3, schedules.get(0).get("nextFirings").size());

        HttpResponse<String> fired = send("POST", "/_faas/schedules/tick/fire", null);
        assertEquals(202, fired.statusCode(), fired.body());
        String requestId = JSON.readTree(fired.body()).get("fired").get(0).get("requestId").asText();
        await().atMost(10, TimeUnit.SECONDS).until(() -> out().contains("tick") && out().contains(
                "END RequestId: " + requestId));
        assertEquals(404, send("POST", "/_faas/schedules/nope/fire", null).statusCode());
    }

    @Test
    void aMessageSentToTheQueueIsConsumedByItsFunction() throws Exception {
        HttpResponse<String> sent = send("POST", "/_faas/queues/orders/messages", "{\"orderId\":\"7\"}");
        assertEquals(200, sent.statusCode(), sent.body());
        String messageId = JSON.readTree(sent.body()).get("messageId").asText();
        await().atMost(10, TimeUnit.SECONDS).until(() -> out().contains("processed message " + messageId));
        await().atMost(10, TimeUnit.SECONDS).until(() ->
                JSON.readTree(send("GET", "/_faas/queues", null).body()).get("queues").get(0)
                        .get("consumers").get(0).get("deletedMessages").asInt() == 1);
    }

    @Test
    void servesLiveUsageAndMetricsAndPrintsTheBillOnStop() throws Exception {
        assertEquals(200, send("GET", "/hello", null).statusCode());
        // live usage hears of the invocation on the engine's writer thread, after the caller has its answer
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> JSON.readTree(
                send("GET", "/_faas/usage", null).body()).get("total").get("invocations").asInt() == 1);
        JsonNode usage = JSON.readTree(send("GET", "/_faas/usage", null).body());
        assertEquals(1, usage.get("total").get("invocations").asInt(), usage.toString());
        HttpResponse<String> metrics = send("GET", "/_faas/metrics", null);
        assertTrue(metrics.headers().firstValue("content-type").orElse("").startsWith("text/plain"), metrics.toString());
        assertTrue(metrics.body().contains("faas_invocations_total{function=\"hello\"} 1"), metrics.body());
        stop.countDown();
        assertEquals(0, exit.get(30, TimeUnit.SECONDS), err());
        assertTrue(out().contains("usage: 1 invocation"), out());
        assertTrue(out().contains("full report, with the arithmetic: faas report --dir "), out());
    }
}
