package dev.localfaas.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP triggers end to end: the real engine runs the sample JARs behind the real gateway. */
class GatewayHttpTest {

    @TempDir
    static Path dir;
    static RunningGateway gw;

    @BeforeAll
    static void start() {
        Path functions = Samples.copy(dir.resolve("functions"), "hello.jar", "users-api.jar", "orders-rest.jar",
                "fixtures-behaviour.jar", "fixtures-events.jar");
        TestJars.build(dir, functions.resolve("canned.jar"), Map.of(
                "Mirror", TestJars.mirror("Mirror", "name = \"mirror\""),
                "MirrorInBody", TestJars.mirrorInBody("MirrorInBody", "name = \"mirror-rest\""),
                "Slow", TestJars.sleeper("Slow", "name = \"slow\", timeoutSeconds = 1"),
                "Narrow", TestJars.sleeper("Narrow", "name = \"narrow\", timeoutSeconds = 10, concurrency = 2"),
                "Binary", TestJars.canned("Binary", "name = \"binary\"", "{\"statusCode\":200,"
                        + "\"headers\":{\"content-type\":\"image/png\"},\"body\":\"AAEC/w==\",\"isBase64Encoded\":true}"),
                "Multi", TestJars.canned("Multi", "name = \"multi\"", "{\"statusCode\":200,\"headers\":{\"X-One\":\"1\"},"
                        + "\"multiValueHeaders\":{\"Set-Cookie\":[\"a=1\",\"b=2\"],\"X-Many\":[\"x\",\"y\"]},\"body\":\"multi\"}"),
                "Plain", TestJars.canned("Plain", "name = \"plain\"", "{\"statusCode\":202,\"body\":\"accepted\"}"),
                "NotJson", TestJars.canned("NotJson", "name = \"not-json\"", "this is not JSON")));
        gw = RunningGateway.start(functions, dir.resolve("state"), Samples.restApi("mirror-rest", "multi"), c -> c);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void pathParameterQueryAndHeadersReachAnHttpApiHandler() throws Exception {
        HttpResponse<String> r = gw.send(HttpRequest.newBuilder(gw.uri("/users/42?fields=name"))
                .header("User-Agent", "test-agent").GET().build());
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
        assertEquals("{\"id\":\"42\",\"fields\":\"name\",\"userAgent\":\"test-agent\"}", r.body());
        assertTrue(r.headers().firstValue("apigw-requestid").isPresent());
    }

    @Test
    void restApiHandlerAnswers201WithItsHeaders() throws Exception {
        HttpResponse<String> r = gw.send(HttpRequest.newBuilder(gw.uri("/orders"))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"item\":\"book\"}")).build());
        assertEquals(201, r.statusCode());
        JsonNode body = json(r);
        assertEquals("/orders/" + body.get("orderId").asText(), r.headers().firstValue("Location").orElseThrow());
        assertEquals("book", body.at("/order/item").asText());
        assertTrue(body.get("published").asBoolean(), "published with SnsClient through the gateway: " + body);
        assertTrue(r.headers().firstValue("x-amzn-RequestId").isPresent());
    }

    @Test
    void noRouteIs404NotFound() {
        HttpResponse<String> unknown = gw.get("/nothing/here");
        assertEquals(404, unknown.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", unknown.body());
        assertEquals("application/json", unknown.headers().firstValue("content-type").orElseThrow());
        assertEquals(404, gw.get("/orders").statusCode(), "POST /orders does not serve GET");
        assertEquals(404, gw.get("/_faasx").statusCode(), "only /_faas/ itself is the admin API");
    }

    @Test
    void functionWithoutTriggerAnswersAtItsNameAndEveryPathBelow() throws Exception {
        HttpResponse<String> top = gw.post("/hello", "");
        assertEquals(200, top.statusCode());
        assertEquals("Hello, world!", json(top).get("message").asText());
        JsonNode deep = json(gw.get("/mirror/a/b/c.txt?x=1"));
        assertEquals("ANY /mirror/{proxy+}", deep.get("routeKey").asText());
        assertEquals("a/b/c.txt", deep.at("/pathParameters/proxy").asText());
        assertEquals("/mirror/a/b/c.txt", deep.get("rawPath").asText());
        assertEquals("x=1", deep.get("rawQueryString").asText());
    }

    @Test
    void functionErrorIs502() {
        HttpResponse<String> r = gw.get("/thrower");
        assertEquals(502, r.statusCode());
        assertEquals("{\"message\":\"Internal server error\"}", r.body());
    }

    @Test
    void responsesApiGatewayWouldRefuseAre502AndSayWhyOnTheConsole() {
        HttpResponse<String> notJson = gw.get("/not-json");
        assertEquals(502, notJson.statusCode());
        assertEquals("{\"message\":\"Internal server error\"}", notJson.body());
        assertTrue(gw.notices.contains("not-json: GET /not-json -> 502: API Gateway would refuse this payload 2.0 "
                + "response: the function's response is not JSON"), gw.notices.toString());
        // echo-rest returns its APIGatewayProxyRequestEvent, which is no proxy response
        HttpResponse<String> echoed = gw.get("/echo-rest");
        assertEquals(502, echoed.statusCode());
    }

    @Test
    void timeoutIs504() {
        HttpResponse<String> r = gw.get("/slow?ms=5000");
        assertEquals(504, r.statusCode());
        assertEquals("{\"message\":\"Endpoint request timed out\"}", r.body());
    }

    @Test
    void moreRequestsThanReservedConcurrencyAreThrottledNeverHung() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(gw.http.sendAsync(HttpRequest.newBuilder(gw.uri("/narrow?ms=1500")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> r = call.get(10, TimeUnit.SECONDS);
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                assertEquals("{\"message\":\"Too Many Requests\"}", r.body());
            }
        }
        assertEquals(2, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(4, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
    }

    @Test
    void bodyOverTheLambdaLimitIs413BeforeTheFunctionRuns() {
        long before = gw.invocationsOf("mirror");
        byte[] big = new byte[6_291_457];
        HttpResponse<String> declared = gw.send(HttpRequest.newBuilder(gw.uri("/mirror"))
                .POST(BodyPublishers.ofByteArray(big)).build());
        assertEquals(413, declared.statusCode());
        assertEquals("{\"message\":\"Request Entity Too Large\"}", declared.body());
        HttpResponse<String> chunked = gw.send(HttpRequest.newBuilder(gw.uri("/mirror"))
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());
        assertEquals(413, chunked.statusCode());
        assertEquals(before, gw.invocationsOf("mirror"));
    }

    @Test
    void binaryRequestBodiesArriveBase64AndTextBodiesAsIs() throws Exception {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        JsonNode event = json(gw.send(HttpRequest.newBuilder(gw.uri("/mirror")).header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(binary)).build()));
        assertTrue(event.get("isBase64Encoded").asBoolean());
        assertArrayEquals(binary, Base64.getDecoder().decode(event.get("body").asText()));

        JsonNode text = json(gw.send(HttpRequest.newBuilder(gw.uri("/mirror")).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"a\":1}")).build()));
        assertFalse(text.get("isBase64Encoded").asBoolean());
        assertEquals("{\"a\":1}", text.get("body").asText());
    }

    @Test
    void base64ResponseBodiesAreDecoded() {
        HttpResponse<byte[]> r = gw.sendForBytes(HttpRequest.newBuilder(gw.uri("/binary")).GET().build());
        assertEquals(200, r.statusCode());
        assertEquals("image/png", r.headers().firstValue("content-type").orElseThrow());
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 255}, r.body());
    }

    @Test
    void multiValueHeadersAndQueryParametersInRestEvents() throws Exception {
        JsonNode event = json(gw.send(HttpRequest.newBuilder(gw.uri("/mirror-rest/x?a=1&a=2&b=3"))
                .header("X-Multi", "one").header("X-Multi", "two").GET().build()));
        assertEquals("[\"one\",\"two\"]", event.at("/multiValueHeaders/X-Multi").toString());
        assertEquals("two", event.at("/headers/X-Multi").asText());
        assertEquals("[\"1\",\"2\"]", event.at("/multiValueQueryStringParameters/a").toString());
        assertEquals("2", event.at("/queryStringParameters/a").asText());
        assertEquals("/mirror-rest/{proxy+}", event.get("resource").asText());
        assertEquals("x", event.at("/pathParameters/proxy").asText());
        assertEquals("GET", event.get("httpMethod").asText());
        assertTrue(event.get("body").isNull());
        assertEquals("127.0.0.1", event.at("/requestContext/identity/sourceIp").asText());
    }

    @Test
    void bodiesUpToTheLimitGoThrough() throws Exception {
        String text = "a".repeat(3 * 1024 * 1024);
        JsonNode event = json(gw.send(HttpRequest.newBuilder(gw.uri("/mirror")).header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString(text)).build()));
        assertEquals(text.length(), event.get("body").asText().length());
    }

    @Test
    void multiValueResponseHeadersAreAllSent() {
        HttpResponse<String> r = gw.get("/multi");
        assertEquals(List.of("a=1", "b=2"), r.headers().allValues("set-cookie"));
        assertEquals(List.of("x", "y"), r.headers().allValues("x-many"));
        assertEquals("1", r.headers().firstValue("x-one").orElseThrow());
        assertEquals("multi", r.body());
    }

    @Test
    void httpApiEventsJoinRepeatsAndCarryCookies() throws Exception {
        JsonNode event = json(gw.send(HttpRequest.newBuilder(gw.uri("/mirror?a=1&a=2"))
                .header("X-Multi", "one").header("X-Multi", "two").header("Cookie", "s=1; t=2").GET().build()));
        assertEquals("one,two", event.at("/headers/x-multi").asText());
        assertEquals("1,2", event.at("/queryStringParameters/a").asText());
        assertEquals("[\"s=1\",\"t=2\"]", event.get("cookies").toString());
        assertTrue(event.at("/headers/cookie").isMissingNode());
        assertEquals("GET", event.at("/requestContext/http/method").asText());
        assertEquals("127.0.0.1", event.at("/requestContext/http/sourceIp").asText());
        assertEquals("$default", event.at("/requestContext/stage").asText());
    }

    @Test
    void httpApiResponseCookiesBecomeSetCookieHeaders() {
        HttpResponse<String> r = gw.get("/http-response");
        assertEquals(200, r.statusCode());
        assertEquals(List.of("session=abc; Path=/", "theme=dark"), r.headers().allValues("set-cookie"));
        assertEquals("http-response", r.headers().firstValue("x-fixture").orElseThrow());
        assertEquals("{\"ok\":true}", r.body());
    }

    @Test
    void httpApiFullResponseWithoutContentTypeIsText() {
        HttpResponse<String> r = gw.get("/plain");
        assertEquals(202, r.statusCode());
        assertEquals("text/plain; charset=utf-8", r.headers().firstValue("content-type").orElseThrow());
        assertEquals("accepted", r.body());
    }

    @Test
    void theEventReadsBackThroughTheAwsEventClasses() throws Exception {
        // echo-http deserializes APIGatewayV2HTTPEvent and serializes it back: what survives is what AWS's class saw
        JsonNode event = json(gw.send(HttpRequest.newBuilder(gw.uri("/echo-http/deep/path?q=1"))
                .header("Cookie", "c=1").GET().build()));
        assertEquals("ANY /echo-http/{proxy+}", event.get("routeKey").asText());
        assertEquals("deep/path", event.at("/pathParameters/proxy").asText());
        assertEquals("1", event.at("/queryStringParameters/q").asText());
        assertEquals("c=1", event.at("/cookies/0").asText());
        assertEquals("GET", event.at("/requestContext/http/method").asText());
    }
}
