package dev.localfaas.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, points 4 and 5: the payload format each route delivers (named by {@code @HttpTrigger}, inferred from a
 * web-framework adapter on the JAR, else 2.0), and how a form body travels in each (text in 1.0, base64 in 2.0).
 * {@code fixtures-fidelity}'s {@code raw-event} answers with the event it got; {@code fixtures-container}'s
 * {@code StreamLambdaHandler} answers with the format it got.
 */
class PayloadFormatChoiceTest {

    @TempDir
    static Path dir;
    static RunningGateway gw;

    @BeforeAll
    static void start() {
        Path functions = Samples.copy(dir.resolve("functions"), "fixtures-fidelity.jar", "fixtures-container.jar");
        gw = RunningGateway.start(functions, dir.resolve("state"));
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static JsonNode event(String path, String contentType, String body) throws Exception {
        HttpResponse<String> r = gw.send(HttpRequest.newBuilder(gw.uri(path)).header("Content-Type", contentType)
                .POST(BodyPublishers.ofString(body)).build());
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void aRouteNamingPayload10GetsTheRestApiEventWithAFormBodyAsText() throws Exception {
        JsonNode event = event("/formats/rest", "application/x-www-form-urlencoded", "{\"k\":\"v\"}");
        assertEquals("POST", event.get("httpMethod").asText(), event.toString());
        assertEquals("/formats/rest", event.get("resource").asText());
        assertEquals("{\"k\":\"v\"}", event.get("body").asText(), "a REST API passes text bodies as they are");
        assertFalse(event.get("isBase64Encoded").asBoolean());
    }

    @Test
    void aRouteNamingPayload20GetsTheHttpApiEventWithAFormBodyAsBase64() throws Exception {
        JsonNode event = event("/formats/http", "application/x-www-form-urlencoded", "{\"k\":\"v\"}");
        assertEquals("2.0", event.get("version").asText(), event.toString());
        assertTrue(event.get("isBase64Encoded").asBoolean(), "an HTTP API base64s non-text types");
        assertEquals("eyJrIjoidiJ9", event.get("body").asText());
    }

    @Test
    void aRouteNamingNoneGetsTheInferredFormat() throws Exception {
        JsonNode event = event("/formats/inferred", "application/json", "{\"k\":\"v\"}");
        assertEquals("2.0", event.get("version").asText(), "a stream handler without an adapter: 2.0");
        assertEquals("{\"k\":\"v\"}", event.get("body").asText());
    }

    @Test
    void aJarWithTheContainerAdapterGetsPayload10OnItsDefaultRoutes() throws Exception {
        HttpResponse<String> r = gw.send(HttpRequest.newBuilder(gw.uri("/StreamLambdaHandler/pets")).GET().build());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("payload 1.0", r.body());
        assertTrue(r.headers().firstValue("x-amzn-RequestId").isPresent());
    }

    @Test
    void binaryBodiesStillTravelBase64InPayload10() throws Exception {
        HttpResponse<String> r = gw.send(HttpRequest.newBuilder(gw.uri("/formats/rest"))
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(new byte[] {(byte) 0xff, 0, 1})).build());
        JsonNode event = Json.MAPPER.readTree(r.body());
        assertTrue(event.get("isBase64Encoded").asBoolean(), "bytes that are not UTF-8 cannot travel as JSON text");
        assertEquals("/wAB", event.get("body").asText());
    }
}
