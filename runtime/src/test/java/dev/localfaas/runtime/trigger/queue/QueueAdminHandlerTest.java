package dev.localfaas.runtime.trigger.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.Undertow;
import io.undertow.server.handlers.PathHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API on a real Undertow server on a loopback port, as the gateway mounts it. */
class QueueAdminHandlerTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    SqliteQueueBackend queues;
    Undertow server;
    String base;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        queues = SqliteQueueBackend.open(dir.resolve("queues.db"), n -> { });
        List<ConsumerInfo> consumers = List.of(new ConsumerInfo("orders-worker", "orders", 10, 0, 5, 0, 3, 29, 1, 1));
        server = Undertow.builder().addHttpListener(0, "127.0.0.1")
                .setHandler(new PathHandler().addPrefixPath(QueueAdminHandler.PREFIX,
                        new QueueAdminHandler(queues, () -> consumers)))
                .build();
        server.start();
        int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        base = "http://127.0.0.1:" + port + QueueAdminHandler.PREFIX;
    }

    @AfterEach
    void stop() {
        server.stop();
        queues.close();
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void postingAMessageStoresItAndAnswersItsId() throws Exception {
        HttpResponse<String> r = call("POST", "/orders/messages?delaySeconds=0&attribute=Author=John", "{\"order\":1}");

        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
        ReceivedMessage m = queues.receive(ReceiveRequest.of("orders", 1, Duration.ofMinutes(1)), Duration.ZERO).get(0);
        assertEquals(json(r).get("messageId").asText(), m.messageId());
        assertEquals("{\"order\":1}", m.body());
        assertEquals("John", m.attributes().get("Author").stringValue());
    }

    @Test
    void theOverviewListsEveryQueueWithCountsDeadLetterDepthAndConsumers() throws Exception {
        queues.declare("orders", Optional.of("orders-dlq"));
        queues.send("orders", OutgoingMessage.of("waiting"));
        queues.send("orders", OutgoingMessage.of("later").withDelay(Duration.ofMinutes(5)));
        queues.send("orders-dlq", OutgoingMessage.of("dead"));

        JsonNode body = json(call("GET", "", null));

        JsonNode orders = body.get("queues").get(0);
        assertEquals("orders", orders.get("name").asText());
        assertEquals(1, orders.get("visible").asInt());
        assertEquals(0, orders.get("inFlight").asInt());
        assertEquals(1, orders.get("delayed").asInt());
        assertEquals("orders-dlq", orders.get("deadLetterQueue").asText());
        assertEquals(1, orders.get("deadLetterQueueDepth").asInt());
        assertEquals("orders-worker", orders.get("consumers").get(0).get("function").asText());
        assertEquals("orders-dlq", body.get("queues").get(1).get("name").asText());
        assertTrue(body.get("queues").get(1).get("deadLetterQueue").isNull());
    }

    @Test
    void peekShowsMessagesAndLeavesThemOnTheQueue() throws Exception {
        queues.sendAll("orders", List.of(OutgoingMessage.of("a"), OutgoingMessage.of("b"), OutgoingMessage.of("c")));

        JsonNode body = json(call("GET", "/orders/messages?peek=2", null));

        assertEquals(2, body.get("messages").size());
        body.get("messages").forEach(m -> assertEquals("visible", m.get("state").asText()));
        assertEquals(3, queues.stats().get(0).visible());
    }

    @Test
    void redriveMovesDeadLettersBack() throws Exception {
        queues.send("orders", OutgoingMessage.of("x"));
        String handle = queues.receive(ReceiveRequest.of("orders", 1, Duration.ofMinutes(1)), Duration.ZERO).get(0)
                .receiptHandle();
        queues.moveToDeadLetter("orders", List.of(handle), "orders-dlq");

        HttpResponse<String> r = call("POST", "/orders-dlq/redrive", null);

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(1, json(r).get("moved").asInt());
        assertEquals(Set.of("x"), StreamSupport.stream(json(call("GET", "/orders/messages", null)).get("messages")
                .spliterator(), false).map(m -> m.get("body").asText()).collect(Collectors.toSet()));
    }

    @Test
    void mistakesAreAnsweredWithOneLineJsonMessages() throws Exception {
        HttpResponse<String> badName = call("POST", "/bad%20name/messages", "x");
        assertEquals(400, badName.statusCode());
        assertEquals("queue name 'bad name' is invalid; use 1 to 80 letters, digits, hyphens or underscores",
                json(badName).get("message").asText());

        HttpResponse<String> empty = call("POST", "/orders/messages", "");
        assertEquals(400, empty.statusCode());
        assertEquals("message body is empty; send at least one character", json(empty).get("message").asText());

        HttpResponse<String> unknown = call("GET", "/nope/messages", null);
        assertEquals(404, unknown.statusCode());
        assertEquals("no queue named 'nope'; a queue exists once a @QueueTrigger names it or a message is sent to it",
                json(unknown).get("message").asText());

        HttpResponse<String> wrongMethod = call("DELETE", "/orders/redrive", null);
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("POST", wrongMethod.headers().firstValue("allow").orElseThrow());

        HttpResponse<String> badPeek = call("GET", "/orders/messages?peek=lots", null);
        assertEquals(400, badPeek.statusCode());
        assertEquals("peek=lots is not a whole number; give one, e.g. peek=10", json(badPeek).get("message").asText());
    }

    @Test
    void anOversizedMessageCutInsideACharacterIsTooLargeNotBadText() throws Exception {
        // "é" is two bytes: the limit falls between them, which a decoder would call malformed
        String body = "a" + "é".repeat(OutgoingMessage.MAX_BYTES / 2);
        HttpResponse<String> r = call("POST", "/orders/messages", body);
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("message is larger than 1048576 bytes; SQS allows at most 1048576 bytes (body and attributes), so"
                + " store large payloads elsewhere and send a reference", json(r).get("message").asText());
    }
}
