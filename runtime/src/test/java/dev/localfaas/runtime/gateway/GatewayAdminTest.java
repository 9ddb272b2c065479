package dev.localfaas.runtime.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything under /_faas/: health, the functions view, and endpoints that other parts mount. */
class GatewayAdminTest {

    @TempDir
    static Path dir;
    static RunningGateway gw;

    @BeforeAll
    static void start() {
        gw = RunningGateway.start(Samples.copy(dir.resolve("functions"), "hello.jar", "users-api.jar"), dir.resolve("state"));
        gw.gateway.mount("/_faas/queues", request -> AdminResponse.ok(Map.of(
                "method", request.method(), "subPath", request.subPath(), "segments", request.segments(),
                "x", request.queryParam("x").orElse(""), "body", request.bodyText())));
        gw.gateway.mount("/_faas/broken", request -> {
            throw new IllegalStateException("endpoint bug");
        });
        gw.gateway.mountHandler("/_faas/metrics", exchange -> {
            exchange.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_TYPE, "text/plain");
            exchange.getResponseSender().send("faas_up 1\n");
        });
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void healthSaysOkWithTheFunctionCount() throws Exception {
        HttpResponse<String> r = gw.get("/_faas/health");
        assertEquals(200, r.statusCode());
        JsonNode body = json(r);
        assertEquals("ok", body.get("status").asText());
        assertEquals(2, body.get("functions").asInt());
    }

    @Test
    void functionsShowRoutesEnvironmentsAndInvocations() throws Exception {
        assertEquals(200, gw.post("/hello", "").statusCode());
        JsonNode hello = json(gw.get("/_faas/functions/hello"));
        assertEquals("example.Hello", hello.get("handler").asText());
        assertEquals("hello.jar", hello.get("jar").asText());
        assertEquals("2.0", hello.get("payloadFormat").asText());
        assertEquals("[{\"method\":\"ANY\",\"path\":\"/hello/{proxy+}\",\"implicit\":true},"
                + "{\"method\":\"ANY\",\"path\":\"/hello\",\"implicit\":true}]", hello.get("routes").toString());
        assertEquals(1, hello.at("/environments/warm").asInt());
        assertEquals(0, hello.at("/environments/busy").asInt());
        // Counts reach the admin API from the engine's writer thread, after the caller has its answer.
        await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                json(gw.get("/_faas/functions/hello")).at("/invocations/total").asInt() >= 1);
        hello = json(gw.get("/_faas/functions/hello"));
        assertEquals(hello.at("/invocations/total").asInt(), hello.at("/invocations/ok").asInt());

        JsonNode all = json(gw.get("/_faas/functions"));
        assertEquals(2, all.get("functions").size());
        JsonNode users = all.get("functions").get(1);
        assertEquals("users-api", users.get("name").asText());
        assertEquals("[{\"method\":\"GET\",\"path\":\"/users/{id}\",\"implicit\":false}]", users.get("routes").toString());
    }

    @Test
    void unknownThingsUnderFaasAreJson404s() throws Exception {
        HttpResponse<String> fn = gw.get("/_faas/functions/nope");
        assertEquals(404, fn.statusCode());
        assertEquals("no function named 'nope'", json(fn).get("message").asText());
        HttpResponse<String> other = gw.get("/_faas/nothing");
        assertEquals(404, other.statusCode());
        assertEquals("Not Found: /_faas/nothing (see /_faas/ for the admin endpoints)", json(other).get("message").asText());
        HttpResponse<String> post = gw.post("/_faas/functions", "{}");
        assertEquals(405, post.statusCode());
        assertEquals("POST is not supported on /_faas/functions", json(post).get("message").asText());
    }

    @Test
    void indexListsTheMountedEndpoints() throws Exception {
        JsonNode index = json(gw.get("/_faas/"));
        assertEquals("[\"/_faas/broken\",\"/_faas/functions\",\"/_faas/health\",\"/_faas/metrics\",\"/_faas/queues\","
                + "\"/_faas/topics\"]",
                index.get("endpoints").toString());
    }

    @Test
    void mountedEndpointGetsItsSubPathQueryAndBody() throws Exception {
        JsonNode get = json(gw.get("/_faas/queues/orders/messages?x=1"));
        assertEquals("GET", get.get("method").asText());
        assertEquals("/orders/messages", get.get("subPath").asText());
        assertEquals("[\"orders\",\"messages\"]", get.get("segments").toString());
        assertEquals("1", get.get("x").asText());
        JsonNode post = json(gw.post("/_faas/queues/orders", "{\"body\":\"hi\"}"));
        assertEquals("{\"body\":\"hi\"}", post.get("body").asText());
    }

    @Test
    void rawHandlerMountAnswersAsItLikes() {
        HttpResponse<String> r = gw.get("/_faas/metrics");
        assertEquals("faas_up 1\n", r.body());
        assertEquals("text/plain", r.headers().firstValue("content-type").orElseThrow());
    }

    @Test
    void failingEndpointIsAJson500AndANotice() throws Exception {
        HttpResponse<String> r = gw.get("/_faas/broken");
        assertEquals(500, r.statusCode());
        assertEquals("Internal server error", json(r).get("message").asText());
        assertTrue(gw.notices.contains("gateway: GET /_faas/broken failed inside localfaas: "
                + "java.lang.IllegalStateException: endpoint bug"), gw.notices.toString());
    }

    @Test
    void mountPrefixesMustBeUnderFaasAndUnique() {
        assertEquals("admin prefix '/queues' must be a path under /_faas/, such as /_faas/queues",
                assertThrows(IllegalArgumentException.class,
                        () -> gw.gateway.mount("/queues", r -> AdminResponse.ok("x"))).getMessage());
        assertEquals("admin prefix /_faas/queues is already mounted",
                assertThrows(IllegalArgumentException.class,
                        () -> gw.gateway.mount("/_faas/queues/", r -> AdminResponse.ok("x"))).getMessage());
    }

    @Test
    void adminBodiesAreUtf8Json() throws Exception {
        HttpResponse<String> r = gw.send(HttpRequest.newBuilder(gw.uri("/_faas/queues/ü"))
                .POST(HttpRequest.BodyPublishers.ofString("grüße", StandardCharsets.UTF_8)).build());
        assertEquals("grüße", json(r).get("body").asText());
    }

    @Test
    void adminBodiesOverTheLimitAre413NotTruncated() throws Exception {
        byte[] big = new byte[(int) GatewayConfig.LAMBDA_SYNC_PAYLOAD_BYTES + 1];
        String expected = "admin request body must be at most " + GatewayConfig.LAMBDA_SYNC_PAYLOAD_BYTES
                + " bytes; send less";
        HttpResponse<String> declared = gw.send(HttpRequest.newBuilder(gw.uri("/_faas/queues/q"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build());
        assertEquals(413, declared.statusCode());
        assertEquals(expected, json(declared).get("message").asText());
        HttpResponse<String> chunked = gw.send(HttpRequest.newBuilder(gw.uri("/_faas/queues/q"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build());
        assertEquals(413, chunked.statusCode());
        assertEquals(expected, json(chunked).get("message").asText());
    }
}
