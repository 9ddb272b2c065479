package dev.localfaas.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a web page the user visits can do to a gateway on 127.0.0.1: nothing through the admin or Invoke API, by DNS
 * rebinding (a foreign Host) or by a cross-site request (Origin, Sec-Fetch-Site). Function routes stay open.
 */
class BrowserSafetyTest {

    private static final String INVOKE = "/2015-03-31/functions/hello/invocations";

    @TempDir
    static Path dir;
    static RunningGateway gw;
    static int port;

    @BeforeAll
    static void start() {
        gw = RunningGateway.start(Samples.copy(dir.resolve("functions"), "hello.jar"), dir.resolve("state"), f -> f,
                c -> c.withAccess(AccessPolicy.defaults().withAllowedHosts(List.of("tunnel.example"))));
        gw.gateway.mount("/_faas/echo", request -> AdminResponse.ok(Map.of("method", request.method())));
        port = gw.gateway.port();
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static String raw(String method, String path, String host, String... headers) {
        return RawHttp.exchange(port, RawHttp.request(method, path, host + ":" + port, "{\"name\":\"evil\"}", headers));
    }

    @Test
    void aRebindingPageIsRefusedEverywhereWithOneLine() {
        long before = gw.invocationsOf("hello");
        for (String path : List.of(INVOKE, "/_faas/echo", "/hello")) {
            String r = raw("POST", path, "evil.example", "Origin: http://evil.example:" + port,
                    "Content-Type: text/plain");
            assertEquals(403, RawHttp.status(r), r);
            assertTrue(RawHttp.body(r).contains("Host 'evil.example:" + port + "' is not served here (protection against"
                    + " DNS rebinding); localfaas answers to 127.0.0.1, localhost, tunnel.example; add the name with"
                    + " --allowed-hosts evil.example"), r);
        }
        assertEquals(before, gw.invocationsOf("hello"));
    }

    @Test
    void loopbackNamesAndAllowedHostsAreServed() {
        for (String host : List.of("localhost", "127.0.0.1", "app.localhost", "tunnel.example", "[::1]")) {
            assertEquals(200, RawHttp.status(raw("GET", "/_faas/health", host)), host);
        }
    }

    @Test
    void aCrossSitePostToTheInvokeApiIs403AndInvokesNothing() {
        long before = gw.invocationsOf("hello");
        String r = raw("POST", INVOKE, "127.0.0.1", "Origin: http://evil.example", "Content-Type: text/plain");
        assertEquals(403, RawHttp.status(r), r);
        assertTrue(r.contains("x-amzn-ErrorType: AccessDeniedException"), r);
        assertTrue(RawHttp.body(r).contains("POST " + INVOKE + " refused: Origin http://evil.example is not this gateway"
                + " (http://127.0.0.1:" + port + "); web pages may not drive localfaas"), r);
        String marked = raw("POST", INVOKE, "127.0.0.1", "Sec-Fetch-Site: cross-site");
        assertEquals(403, RawHttp.status(marked), marked);
        assertTrue(marked.contains("the browser marked it Sec-Fetch-Site: cross-site"), marked);
        assertEquals(before, gw.invocationsOf("hello"));
    }

    @Test
    void aCrossSitePostToTheAdminApiIs403() {
        String r = raw("POST", "/_faas/echo", "localhost", "Origin: null");
        assertEquals(403, RawHttp.status(r), r);
        assertTrue(RawHttp.body(r).contains("refused: Origin null is not this gateway"), r);
        assertEquals(403, RawHttp.status(raw("POST", "/_faas/echo", "localhost", "Sec-Fetch-Site: same-site")));
    }

    @Test
    void sameOriginAndClientsWithoutOriginAreServed() {
        String same = raw("POST", INVOKE, "127.0.0.1", "Origin: http://127.0.0.1:" + port,
                "Sec-Fetch-Site: same-origin");
        assertEquals(200, RawHttp.status(same), same);
        assertEquals(200, RawHttp.status(raw("POST", "/_faas/echo", "localhost", "Origin: http://localhost:" + port)));
        HttpResponse<String> client = gw.post(INVOKE, "{}"); // the JDK client, as the CLI sends: no Origin
        assertEquals(200, client.statusCode(), client.body());
    }

    @Test
    void functionRoutesStayOpenToOtherSites() {
        HttpResponse<String> r = gw.send(HttpRequest.newBuilder(gw.uri("/hello")).header("Origin", "http://evil.example")
                .header("Sec-Fetch-Site", "cross-site").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void crossSiteGetsOfTheAdminApiChangeNothingAndPass() {
        String r = raw("GET", "/_faas/health", "127.0.0.1", "Origin: http://evil.example");
        assertEquals(200, RawHttp.status(r), r);
        assertFalse(r.toLowerCase().contains("access-control-allow-origin"), r); // so the page cannot read it
    }
}
