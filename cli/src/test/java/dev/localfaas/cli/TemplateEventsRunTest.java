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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A template's SNS topic, raw queue subscription, filtered SNS event, EventBridgeRule event and AWS::Events::Rule,
 * served by {@code faas run -t} on port 0 with the real sample JARs and fed through the gateway.
 */
class TemplateEventsRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newHttpClient();

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(String method, String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<String> bodies(String url, String queue) throws Exception {
        JsonNode peek = JSON.readTree(send("GET", url + "/_faas/queues/" + queue + "/messages", null).body());
        List<String> bodies = new ArrayList<>();
        peek.get("messages").forEach(m -> bodies.add(m.get("body").asText()));
        return bodies;
    }

    @Test
    void templateTopicsSubscriptionsAndRulesAreServed() throws Exception {
        Path app = TemplateRunTest.template(tmp.resolve("app"), "fan-out.yaml");
        Files.copy(CliRun.samples().resolve("orders-audit.jar"), app.resolveSibling("orders-audit.jar"));
        Files.copy(CliRun.samples().resolveSibling("test-functions").resolve("fixtures-pubsub.jar"),
                app.resolveSibling("fixtures-pubsub.jar"));
        CommandLine cli = Faas.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        ((RunCommand) cli.getSubcommands().get("run").getCommandSpec().userObject()).stop = stop::await;
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("run", "-t", app.toString(),
                "--port", "0", "--state-dir", tmp.resolve("state").toString()));
        Pattern ready = Pattern.compile("Ready on (http://127\\.0\\.0\\.1:\\d+)");
        await().atMost(30, TimeUnit.SECONDS).until(() -> ready.matcher(out()).find() || exit.isDone());
        Matcher m = ready.matcher(out());
        assertTrue(m.find(), out() + err);
        String url = m.group(1);
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("not served"), err.toString(StandardCharsets.UTF_8));

        String large = "{\"orderId\":\"o1\",\"order\":{\"amount\":150}}";
        String small = "{\"orderId\":\"o2\",\"order\":{\"amount\":5}}";
        JsonNode first = JSON.readTree(send("POST", url + "/_faas/topics/order-events/messages", large).body());
        assertEquals(2, first.get("matched").asInt(), first.toString());
        JsonNode second = JSON.readTree(send("POST", url + "/_faas/topics/order-events/messages", small).body());
        assertEquals(1, second.get("matched").asInt(), second.toString());
        assertEquals(1, second.get("filtered").asInt(), "the function's FilterPolicy leaves the small order out");

        assertEquals(List.of(large, small), bodies(url, "archive"), "raw delivery: the messages themselves, both");
        await().atMost(30, TimeUnit.SECONDS).until(() -> out().contains("orders-audit: large order in message "
                + first.get("messageId").asText()));
        assertFalse(out().contains(second.get("messageId").asText()), out());

        HttpResponse<String> put = send("POST", url + "/_faas/buses/default/events",
                "{\"source\": \"shop\", \"detail-type\": \"OrderPlaced\", \"detail\": {\"orderId\": \"o3\"}}");
        assertEquals(200, put.statusCode(), put.body());
        assertEquals(2, JSON.readTree(put.body()).get("entries").get(0).get("matchedRules").asInt(), put.body());
        await().atMost(30, TimeUnit.SECONDS).until(() -> send("GET", url + "/_faas/metrics", null).body()
                .contains("faas_invocations_total{function=\"event-echo\"} 1"));
        assertEquals(List.of("{\"orderId\":\"o3\"}"), bodies(url, "details"), "the rule's InputPath: $.detail");

        stop.countDown();
        assertEquals(0, exit.get(30, TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theSamplePipelineTemplateFansOutLikeTheFolderOfJars() throws Exception {
        Path template = CliRun.samples().resolve("../../template.yaml").normalize();
        CommandLine cli = Faas.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        ((RunCommand) cli.getSubcommands().get("run").getCommandSpec().userObject()).stop = stop::await;
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("run", "-t",
                template.toString(), "--port", "0", "--state-dir", tmp.resolve("state").toString()));
        Pattern ready = Pattern.compile("Ready on (http://127\\.0\\.0\\.1:\\d+)");
        await().atMost(30, TimeUnit.SECONDS).until(() -> ready.matcher(out()).find() || exit.isDone());
        Matcher m = ready.matcher(out());
        assertTrue(m.find(), out() + err);
        String url = m.group(1);

        // orders-rest builds its SnsClient during init: an empty order (400, nothing published) pays that cold start
        // first, again if a loaded machine pushes the init past Lambda's 10 s limit.
        await().atMost(90, TimeUnit.SECONDS).until(() -> send("POST", url + "/orders", "").statusCode() == 400);
        HttpResponse<String> order = send("POST", url + "/orders", "{\"item\": \"espresso machine\", \"amount\": 450}");
        assertEquals(201, order.statusCode(), order.body() + out());
        String messageId = JSON.readTree(order.body()).get("messageId").asText();
        await().atMost(30, TimeUnit.SECONDS).until(() -> out().contains("orders-audit: large order in message "
                + messageId) && out().contains("orders-worker: processed message"));

        stop.countDown();
        assertEquals(0, exit.get(30, TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));
    }
}
