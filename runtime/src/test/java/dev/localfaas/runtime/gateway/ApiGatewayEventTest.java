package dev.localfaas.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.function.HttpRoute;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The events the gateway builds, compared with the verbatim samples of the API Gateway developer guide
 * (lambda-contract.md 7.1 and 7.2), field by field. Where the sample shows something a local gateway has no
 * counterpart for (authorizers, client certificates, stage variables), the test says so.
 */
class ApiGatewayEventTest {

    private final ApiGatewayContext api = new ApiGatewayContext("123456789012", "us-east-1");

    private static JsonNode sample(String name) throws IOException {
        try (InputStream in = ApiGatewayEventTest.class.getResourceAsStream("/apigateway/" + name)) {
            return Json.MAPPER.readTree(in);
        }
    }

    private static RouteMatch match(String method, String path, String actual) {
        RoutePattern p = RoutePattern.parse("f", new HttpRoute(method, path));
        return new RouteMatch(RouterTest.fn("f"), p, p.match(actual.equals("*") ? "GET" : method, Router.split(actual)).orElseThrow());
    }

    private static ObjectNode tree(byte[] event) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(event);
        } catch (IOException e) {
            throw new AssertionError("the event is not JSON: " + e.getMessage(), e);
        }
    }

    private static Set<String> keys(JsonNode n) {
        Set<String> keys = new HashSet<>();
        n.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static IncomingRequest request(String method, List<Header> headers, String query, byte[] body, String ip,
                                       long epochMillis) {
        return new IncomingRequest(method, "/my/path", "/my/path", query, headers, ip, "HTTP/1.1", "localhost", body,
                Instant.ofEpochMilli(epochMillis));
    }

    @Test
    void restApiEventMatchesTheDeveloperGuideSample() throws IOException {
        JsonNode sample = sample("rest-1.0-request.json");
        IncomingRequest request = request("GET",
                List.of(new Header("header1", "value1"), new Header("header2", "value1"), new Header("header2", "value2")),
                "parameter1=value1&parameter1=value2&parameter2=value",
                "Hello from Lambda!".getBytes(StandardCharsets.UTF_8), "IP", 1583349317135L);
        ObjectNode event = tree(RestApiEvent.build(request, match("GET", "/my/path", "/my/path"), api, "id="));

        assertEquals(keys(sample), keys(event));
        for (String field : List.of("resource", "path", "httpMethod", "headers", "multiValueHeaders",
                "multiValueQueryStringParameters", "pathParameters", "stageVariables", "body", "isBase64Encoded")) {
            assertEquals(sample.get(field), event.get(field), field);
        }
        // The guide's sample shows the first value here; API Gateway sends the last, as it does for headers.
        assertEquals("value2", event.at("/queryStringParameters/parameter1").asText());
        assertEquals("value", event.at("/queryStringParameters/parameter2").asText());

        JsonNode ctx = event.get("requestContext");
        JsonNode sampleCtx = sample.get("requestContext");
        Set<String> expected = keys(sampleCtx);
        expected.remove("authorizer"); // no authorizers locally
        assertEquals(expected, keys(ctx));
        for (String field : List.of("accountId", "httpMethod", "path", "protocol", "requestId", "requestTime",
                "requestTimeEpoch", "resourcePath", "stage")) {
            assertEquals(sampleCtx.get(field), ctx.get(field), "requestContext." + field);
        }
        Set<String> identity = keys(sampleCtx.get("identity"));
        identity.remove("clientCert"); // no mutual TLS locally
        assertEquals(identity, keys(ctx.get("identity")));
        assertEquals("IP", ctx.at("/identity/sourceIp").asText());
    }

    @Test
    void httpApiEventMatchesTheDeveloperGuideSample() throws IOException {
        JsonNode sample = sample("http-2.0-request.json");
        IncomingRequest request = request("POST",
                List.of(new Header("Header1", "value1"), new Header("header2", "value1"), new Header("header2", "value2"),
                        new Header("Cookie", "cookie1; cookie2"), new Header("User-Agent", "agent")),
                "parameter1=value1&parameter1=value2&parameter2=value",
                "Hello from Lambda".getBytes(StandardCharsets.UTF_8), "192.0.2.1", 1583348638390L);
        ObjectNode event = tree(HttpApiEvent.build(request, match("POST", "/my/{parameter1}", "/my/path"), api, "id"));

        Set<String> expected = keys(sample);
        expected.remove("stageVariables"); // no stage variables locally; API Gateway omits the field then
        assertEquals(expected, keys(event));
        for (String field : List.of("version", "rawPath", "rawQueryString", "cookies", "queryStringParameters",
                "body", "isBase64Encoded")) {
            assertEquals(sample.get(field), event.get(field), field);
        }
        ObjectNode headers = event.get("headers").deepCopy();
        assertEquals("agent", headers.remove("user-agent").asText());
        assertEquals(sample.get("headers"), headers, "names lower-cased, repeats joined, cookies moved out");
        // The sample's route is $default; here every request matched a concrete route, which API Gateway reports.
        assertEquals("POST /my/{parameter1}", event.get("routeKey").asText());
        assertEquals("{\"parameter1\":\"path\"}", event.get("pathParameters").toString());

        JsonNode ctx = event.get("requestContext");
        JsonNode sampleCtx = sample.get("requestContext");
        Set<String> ctxKeys = keys(sampleCtx);
        ctxKeys.removeAll(Set.of("authentication", "authorizer")); // no mTLS, no authorizers locally
        assertEquals(ctxKeys, keys(ctx));
        for (String field : List.of("accountId", "http", "requestId", "stage", "timeEpoch")) {
            assertEquals(sampleCtx.get(field), ctx.get(field), "requestContext." + field);
        }
        // The sample's "time" (12/Mar) disagrees with its own timeEpoch (4 March 2020 19:03:58.390 UTC); the format
        // is what must match, and the date follows the epoch.
        assertEquals("04/Mar/2020:19:03:58 +0000", ctx.get("time").asText());
        assertEquals("POST /my/{parameter1}", ctx.get("routeKey").asText());
    }

    @Test
    void binaryBodiesTravelAsBase64AndTextAsIs() {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        IncomingRequest png = request("POST", List.of(new Header("Content-Type", "image/png")), "", binary, "1.2.3.4", 0);
        ObjectNode v2 = tree(HttpApiEvent.build(png, match("POST", "/my/path", "/my/path"), api, "id"));
        assertTrue(v2.get("isBase64Encoded").asBoolean());
        assertEquals(Base64.getEncoder().encodeToString(binary), v2.get("body").asText());
        ObjectNode v1 = tree(RestApiEvent.build(png, match("POST", "/my/path", "/my/path"), api, "id"));
        assertTrue(v1.get("isBase64Encoded").asBoolean());

        IncomingRequest json = request("POST", List.of(new Header("Content-Type", "application/json; charset=utf-8")), "",
                "{\"a\":\"ü\"}".getBytes(StandardCharsets.UTF_8), "1.2.3.4", 0);
        ObjectNode text = tree(HttpApiEvent.build(json, match("POST", "/my/path", "/my/path"), api, "id"));
        assertFalse(text.get("isBase64Encoded").asBoolean());
        assertEquals("{\"a\":\"ü\"}", text.get("body").asText());
    }

    @Test
    void absentPartsAreNullInRestEventsAndMissingInHttpEvents() {
        IncomingRequest bare = request("GET", List.of(), "", new byte[0], "1.2.3.4", 0);
        ObjectNode v1 = tree(RestApiEvent.build(bare, match("GET", "/my/path", "/my/path"), api, "id"));
        for (String field : List.of("headers", "multiValueHeaders", "queryStringParameters",
                "multiValueQueryStringParameters", "pathParameters", "body")) {
            assertTrue(v1.get(field).isNull(), field);
        }
        ObjectNode v2 = tree(HttpApiEvent.build(bare, match("GET", "/my/path", "/my/path"), api, "id"));
        List<String> present = new ArrayList<>(keys(v2));
        for (String field : List.of("cookies", "queryStringParameters", "pathParameters", "body")) {
            assertFalse(present.contains(field), field);
        }
        assertEquals("", v2.get("rawQueryString").asText());
    }

    @Test
    void greedyRouteKeysAndParametersAreThoseOfTheRoute() {
        RouteMatch m = match("ANY", "/files/{proxy+}", "/files/a/b.txt");
        IncomingRequest r = new IncomingRequest("GET", "/files/a/b.txt", "/files/a/b.txt", "", List.of(), "1.2.3.4",
                "HTTP/1.1", "localhost", new byte[0], Instant.EPOCH);
        ObjectNode v1 = tree(RestApiEvent.build(r, m, api, "id"));
        assertEquals("/files/{proxy+}", v1.get("resource").asText());
        assertEquals("a/b.txt", v1.at("/pathParameters/proxy").asText());
        ObjectNode v2 = tree(HttpApiEvent.build(r, m, api, "id"));
        assertEquals("ANY /files/{proxy+}", v2.get("routeKey").asText());
    }
}
