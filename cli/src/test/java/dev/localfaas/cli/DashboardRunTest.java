package dev.localfaas.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code faas run} serves the dashboard: the page, the live stream, traces across HTTP → topic → queue → consumer,
 * the log tail, the service map, and the log store under {@code .faas/logs/}.
 */
class DashboardRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newHttpClient();
    private CompletableFuture<Integer> exit;
    private Path functions;
    private String url;

    @BeforeEach
    void start() throws Exception {
        functions = Files.createDirectories(tmp.resolve("functions"));
        for (String jar : new String[] {"orders-rest.jar", "orders-worker.jar", "hello.jar"}) {
            Files.copy(CliRun.samples().resolve(jar), functions.resolve(jar));
        }
        CommandLine cli = Faas.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        ((RunCommand) cli.getSubcommands().get("run").getCommandSpec().userObject()).stop = stop::await;
        exit = CompletableFuture.supplyAsync(() -> cli.execute("run", functions.toString(), "--port", "0", "--no-watch"));
        Pattern ready = Pattern.compile("Ready on (http://127\\.0\\.0\\.1:\\d+)");
        await().atMost(30, TimeUnit.SECONDS).until(() -> ready.matcher(out()).find() || exit.isDone());
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

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> r = send("GET", path, null);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void printsTheDashboardAndServesItsPageWithoutAnyOtherOrigin() throws Exception {
        assertTrue(out().contains("Dashboard: " + url + "/_faas/"), out());
        HttpResponse<String> page = send("GET", "/_faas/", null, "Accept", "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>localfaas dashboard</title>"), page.body());
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'self'") && policy.contains("script-src 'self'"), policy);
        HttpResponse<String> script = send("GET", "/_faas/ui/app.js", null);
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(script.body().contains("/_faas/stream"));
        assertEquals(404, send("GET", "/_faas/ui/nothing.js", null).statusCode());
        assertEquals(404, send("GET", "/_faas/ui/..%2Fapp.js", null).statusCode());
        // a client asking for JSON still gets the endpoint index
        assertTrue(json("/_faas/").get("endpoints").toString().contains("/_faas/traces"));
    }

    @Test
    void aTraceFollowsAnOrderFromHttpThroughTheQueueToItsConsumer() throws Exception {
        HttpResponse<String> accepted = send("POST", "/orders", "{\"item\":\"tea\"}", "Content-Type", "application/json");
        assertEquals(201, accepted.statusCode(), accepted.body());
        String root = accepted.headers().firstValue("X-Amzn-Trace-Id").orElseThrow().substring("Root=".length());
        assertTrue(root.matches("1-[0-9a-f]{8}-[0-9a-f]{24}"), root);

        await().atMost(30, TimeUnit.SECONDS).until(() -> send("GET", "/_faas/traces/" + root, null).statusCode() == 200
                && JSON.readTree(send("GET", "/_faas/traces/" + root, null).body()).get("rows").size() == 3);
        JsonNode rows = json("/_faas/traces/" + root).get("rows");
        assertEquals("invocation orders-rest http 0", row(rows.get(0)));
        assertEquals("queue orders null 1", row(rows.get(1)));
        assertEquals("invocation orders-worker queue 2", row(rows.get(2)));
        assertEquals(rows.get(0).get("segment").asText(), rows.get(2).get("parent").asText(),
                "orders-rest passed its trace on through the topic and the queue");
        assertTrue(rows.get(1).get("offsetMs").asDouble() >= rows.get(0).get("offsetMs").asDouble());
        assertTrue(rows.get(2).get("durationMs").asDouble() > 0);

        String workerRequest = rows.get(2).get("requestId").asText();
        assertEquals(root, json("/_faas/traces/" + workerRequest).get("id").asText(), "found by a request id too");
        HttpResponse<String> missing = send("GET", "/_faas/traces/1-00000000-000000000000000000000000", null);
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("no trace 1-00000000-000000000000000000000000 is kept"), missing.body());

        JsonNode logs = json("/_faas/logs?function=orders-worker&text=processed");
        assertEquals(1, logs.get("lines").size(), logs.toString());
        assertEquals(workerRequest, logs.get("lines").get(0).get("requestId").asText());
        assertEquals(root, logs.get("lines").get(0).get("traceId").asText());
        assertEquals(400, send("GET", "/_faas/logs?level=LOUD", null).statusCode());

        JsonNode map = json("/_faas/map");
        assertTrue(hasEdge(map, "function:orders-rest", "queue:orders", 1), map.toString());
        assertTrue(hasEdge(map, "queue:orders", "function:orders-worker", 1), map.toString());
        assertTrue(hasEdge(map, "topic:order-events", "queue:orders", 0), "declared by the subscription: " + map);

        String metrics = send("GET", "/_faas/metrics", null).body();
        assertTrue(metrics.contains("faas_init_duration_seconds_bucket{function=\"orders-worker\",le=\"+Inf\"} 1"), metrics);
        assertTrue(metrics.contains("faas_queue_messages{state=\"visible\",queue=\"orders\"} 0"), metrics);
        assertTrue(metrics.contains("faas_queue_oldest_message_age_seconds{queue=\"orders\"} 0"), metrics);
        assertTrue(metrics.matches("(?s).*\nfaas_traces_total [1-9].*"), metrics);
        HttpResponse<String> purged = send("POST", "/_faas/queues/orders-dlq/purge", null);
        assertEquals(200, purged.statusCode(), purged.body());
        assertEquals(0, JSON.readTree(purged.body()).get("purged").asInt());

        Path store = functions.resolve(".faas/logs/invocations.jsonl");
        await().atMost(10, TimeUnit.SECONDS).until(() -> Files.isRegularFile(store)
                && Files.readString(store).contains("processed message"));
        JsonNode first = JSON.readTree(Files.readAllLines(store).get(0));
        assertEquals("platform.start", first.get("type").asText(), first.toString());
    }

    @Test
    void theStreamSendsAnUpdateAtOnceAndAgainWhenFunctionsRun() throws Exception {
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(url + "/_faas/stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        assertEquals("text/event-stream; charset=utf-8", stream.headers().firstValue("Content-Type").orElse(""));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            CompletableFuture<Void> read = CompletableFuture.runAsync(() -> {
                try {
                    readUpdates(lines);
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            read.get(60, TimeUnit.SECONDS); // a stream that stops sending fails the test instead of hanging it
        }
    }

    private void readUpdates(BufferedReader lines) throws Exception {
        {
            JsonNode firstUpdate = nextData(lines);
            assertEquals(0, hello(firstUpdate).get("sinceStart").get("invocations").asInt());
            for (int i = 0; i < 3; i++) {
                assertEquals(200, send("GET", "/hello", null).statusCode());
            }
            JsonNode update = nextData(lines);
            while (hello(update).get("sinceStart").get("invocations").asInt() < 3) {
                update = nextData(lines);
            }
            JsonNode hello = hello(update);
            assertEquals(3, hello.get("sinceStart").get("invocations").asInt());
            assertEquals(1, hello.get("coldStarts").asInt());
            assertTrue(hello.get("lastMinute").get("p50").asDouble() > 0, hello.toString());
            assertEquals(90, hello.get("series").size());
            assertTrue(update.get("panels").has("queues") && update.get("panels").has("cost"), update.toString());
        }
    }

    private static JsonNode nextData(BufferedReader lines) throws Exception {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("data: ")) {
                return JSON.readTree(line.substring(6));
            }
        }
        throw new AssertionError("the stream ended");
    }

    private static JsonNode hello(JsonNode update) {
        List<JsonNode> found = new ArrayList<>();
        update.get("functions").forEach(f -> {
            if (f.get("name").asText().equals("hello")) {
                found.add(f);
            }
        });
        assertEquals(1, found.size(), update.toString());
        return found.get(0);
    }

    private static String row(JsonNode r) {
        return r.get("kind").asText() + " " + r.get("name").asText() + " " + (r.get("trigger").isNull() ? "null"
                : r.get("trigger").asText()) + " " + r.get("depth").asInt();
    }

    private static boolean hasEdge(JsonNode map, String from, String to, long minTraffic) {
        for (JsonNode e : map.get("edges")) {
            if (e.get("from").asText().equals(from) && e.get("to").asText().equals(to)
                    && e.get("traffic").asLong() >= minTraffic) {
                return true;
            }
        }
        return false;
    }
}
