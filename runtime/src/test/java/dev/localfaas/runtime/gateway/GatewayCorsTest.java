package dev.localfaas.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.gateway.policy.AccessPolicies;
import dev.localfaas.runtime.gateway.policy.CorsRule;
import dev.localfaas.runtime.gateway.policy.RoutePolicy;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CORS as HTTP API does it, through the real gateway: preflights answered without a function, headers added. */
class GatewayCorsTest {

    @TempDir
    static Path dir;
    static RunningGateway gw;

    @BeforeAll
    static void start() {
        Path functions = Samples.copy(dir.resolve("functions"), "fixtures-events.jar");
        TestJars.build(dir, functions.resolve("canned.jar"), Map.of("OwnCors", TestJars.canned("OwnCors",
                "name = \"own-cors\"", "{\"statusCode\":200,\"headers\":{\"Access-Control-Allow-Origin\":\"*\","
                        + "\"X-Own\":\"1\"},\"body\":\"own\"}")));
        gw = RunningGateway.start(functions, dir.resolve("state"));
        CorsRule cors = CorsRule.fromTemplate(Map.of("AllowOrigins", List.of("https://app.example.com"),
                "AllowMethods", List.of("GET", "POST"), "AllowHeaders", List.of("authorization", "content-type"),
                "ExposeHeaders", List.of("x-total"), "MaxAge", 600, "AllowCredentials", true));
        gw.gateway.accessPolicies(new AccessPolicies(Map.of(
                AccessPolicies.key("echo-http", "ANY /echo-http/{proxy+}"), new RoutePolicy(cors, null, List.of()),
                AccessPolicies.key("own-cors", "ANY /own-cors"), new RoutePolicy(cors, null, List.of())),
                RoutePolicy.OPEN));
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static HttpResponse<String> preflight(String origin) {
        return gw.send(HttpRequest.newBuilder(gw.uri("/echo-http/items"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build());
    }

    @Test
    void preflightIsAnsweredByTheGatewayWithoutInvokingTheFunction() {
        int before = gw.invocationCount();
        HttpResponse<String> r = preflight("https://app.example.com");
        assertEquals(204, r.statusCode());
        assertEquals("https://app.example.com", r.headers().firstValue("access-control-allow-origin").orElse(""));
        assertEquals("GET,POST", r.headers().firstValue("access-control-allow-methods").orElse(""));
        assertEquals("authorization,content-type", r.headers().firstValue("access-control-allow-headers").orElse(""));
        assertEquals("600", r.headers().firstValue("access-control-max-age").orElse(""));
        assertEquals("true", r.headers().firstValue("access-control-allow-credentials").orElse(""));
        assertEquals(before, gw.invocationCount(), "a preflight must not invoke the function");
    }

    @Test
    void preflightFromAnOriginNotAllowedGetsNoCorsHeaders() {
        HttpResponse<String> r = preflight("https://evil.example.net");
        assertEquals(204, r.statusCode());
        assertFalse(r.headers().firstValue("access-control-allow-origin").isPresent());
    }

    @Test
    void responsesToAnAllowedOriginCarryAllowOriginAndExposeHeaders() {
        HttpResponse<String> r = gw.send(HttpRequest.newBuilder(gw.uri("/echo-http/items"))
                .header("Origin", "https://app.example.com").GET().build());
        assertEquals(200, r.statusCode());
        assertEquals("https://app.example.com", r.headers().firstValue("access-control-allow-origin").orElse(""));
        assertEquals("x-total", r.headers().firstValue("access-control-expose-headers").orElse(""));
        HttpResponse<String> other = gw.send(HttpRequest.newBuilder(gw.uri("/echo-http/items"))
                .header("Origin", "https://evil.example.net").GET().build());
        assertEquals(200, other.statusCode());
        assertFalse(other.headers().firstValue("access-control-allow-origin").isPresent());
    }

    @Test
    void theFunctionsOwnCorsHeadersGiveWayToTheApisAsHttpApiDoes() {
        HttpResponse<String> r = gw.send(HttpRequest.newBuilder(gw.uri("/own-cors"))
                .header("Origin", "https://app.example.com").GET().build());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("https://app.example.com"), r.headers().allValues("access-control-allow-origin"));
        assertEquals("1", r.headers().firstValue("x-own").orElse(""));
    }

    @Test
    void routesWithoutCorsAreUntouched() {
        HttpResponse<String> r = gw.send(HttpRequest.newBuilder(gw.uri("/echo-http"))
                .header("Origin", "https://app.example.com").GET().build());
        assertEquals(200, r.statusCode());
        assertFalse(r.headers().firstValue("access-control-allow-origin").isPresent());
    }

    @Test
    void restApiCorsStringsAreReadWithTheirQuotes() {
        CorsRule rule = CorsRule.fromTemplate(Map.of("AllowOrigin", "'*'", "AllowMethods", "'GET,OPTIONS'",
                "MaxAge", "'60'"));
        assertEquals(List.of("*"), rule.allowOrigins());
        assertEquals(List.of("GET", "OPTIONS"), rule.allowMethods());
        assertEquals(60, rule.maxAgeSeconds());
        assertTrue(CorsRule.fromTemplate(true).allowOrigins().contains("*"));
    }
}
