package dev.localfaas.runtime.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.gateway.policy.AccessPolicies;
import dev.localfaas.runtime.gateway.policy.JwtAuthorizer;
import dev.localfaas.runtime.gateway.policy.KeySources;
import dev.localfaas.runtime.gateway.policy.RoutePolicy;
import dev.localfaas.runtime.gateway.upstream.UpstreamArgument;
import dev.localfaas.runtime.gateway.upstream.UpstreamStatus;
import dev.localfaas.runtime.gateway.upstream.Upstreams;
import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP upstreams through the real gateway: two real HTTP services (Undertow on port 0) behind one route, the
 * traffic split by weight, one stopped under load and ejected with no failed request, restarted on its port and
 * re-admitted by the health checks, all down answered 503 at once, and a JWT authorizer in front of a service.
 */
class UpstreamGatewayTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Where a test is not about health checks: a check the loaded build machine answers late must not eject. */
    static final String QUIET_CHECKS = ",health=/health,interval=30s,timeout=5s";

    @TempDir
    Path dir;
    LocalFaas faas;
    Gateway gateway;
    final List<Service> services = new ArrayList<>();
    final List<String> notices = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A small HTTP service: answers its name, the path and the forwarding headers it got, and echoes a body. */
    static final class Service {
        final String name;
        final int port;
        final AtomicInteger served = new AtomicInteger();
        volatile int status = 200;
        private Undertow server;

        Service(String name, int port) {
            this.name = name;
            this.port = port;
        }

        Service start() {
            server = Undertow.builder().addHttpListener(port, "127.0.0.1").setIoThreads(1).setWorkerThreads(4)
                    .setHandler(ex -> ex.getRequestReceiver().receiveFullString((e, body) -> {
                        if (!e.getRequestPath().equals("/health")) {
                            served.incrementAndGet();
                        }
                        e.setStatusCode(e.getRequestPath().equals("/health") ? 200 : status);
                        e.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
                        e.getResponseSender().send(name + " " + e.getRequestMethod() + " " + e.getRequestURI()
                                + (e.getQueryString().isEmpty() ? "" : "?" + e.getQueryString())
                                + " host=" + e.getRequestHeaders().getFirst(Headers.HOST)
                                + " xff=" + e.getRequestHeaders().getFirst(Headers.X_FORWARDED_FOR)
                                + " xfp=" + e.getRequestHeaders().getFirst(Headers.X_FORWARDED_PROTO)
                                + " xfh=" + e.getRequestHeaders().getFirst(Headers.X_FORWARDED_HOST)
                                + " body=" + body);
                    })).build();
            server.start();
            return this;
        }

        int boundPort() {
            return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        }

        void stop() {
            server.stop();
        }

        String url() {
            return "http://127.0.0.1:" + boundPort();
        }
    }

    Service service(String name) {
        Service s = new Service(name, 0).start();
        services.add(s);
        return s;
    }

    void startGateway(AccessPolicies access, String... upstreams) {
        faas = LocalFaas.open(RuntimeConfig.forDirectory(dir).withStateDir(dir.resolve(".faas")));
        gateway = Gateway.create(GatewayConfig.defaults().withPort(0), faas)
                .upstreams(Upstreams.of(Arrays.stream(upstreams).map(UpstreamArgument::parse).toList()))
                .accessPolicies(access).onNotice(notices::add).start();
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.stop();
        }
        if (faas != null) {
            faas.close();
        }
        services.forEach(s -> {
            try {
                s.stop();
            } catch (RuntimeException ignored) {
                // already stopped by the test
            }
        });
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    UpstreamStatus status(String name) {
        return gatewayStatus().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    List<UpstreamStatus> gatewayStatus() {
        try {
            JsonNode body = JSON.readTree(get("/_faas/upstreams").body());
            return Arrays.asList(JSON.treeToValue(body.get("upstreams"), UpstreamStatus[].class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    boolean healthy(String name, String url) {
        return status(name).targets().stream().filter(t -> t.url().equals(url)).findFirst().orElseThrow().healthy();
    }

    @Test
    void splitsTrafficByWeightAndForwardsAsApiGatewayDoes() throws Exception {
        Service a = service("A");
        Service b = service("B");
        startGateway(AccessPolicies.NONE, "/orders/*=" + a.url() + ";weight=3," + b.url() + ";weight=1" + QUIET_CHECKS);
        Map<String, Integer> hits = new ConcurrentHashMap<>();
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> r = get("/orders/" + i);
            assertEquals(200, r.statusCode(), r.body());
            hits.merge(r.body().substring(0, 1), 1, Integer::sum);
        }
        assertEquals(Map.of("A", 150, "B", 50), hits);

        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/orders/7/items?x=1&y=%20"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"qty\":2}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        String port = String.valueOf(gateway.port());
        assertTrue(r.body().matches("[AB] POST /orders/7/items\\?x=1&y=%20 host=127\\.0\\.0\\.1:\\d+ xff=127\\.0\\.0\\.1"
                + " xfp=http xfh=127\\.0\\.0\\.1:" + port + " body=\\{\"qty\":2}"), r.body());
        assertTrue(get("/orders").body().matches("[AB] GET /orders host=.*"), "the prefix itself is served too");
        assertEquals(404, get("/order").statusCode(), "a route that no function or upstream serves");
        UpstreamStatus s = status("/orders/*");
        assertEquals(List.of("ANY /orders", "ANY /orders/{proxy+}"), s.routes());
        assertEquals(2, s.healthy());
        assertEquals(202, s.targets().stream().mapToLong(UpstreamStatus.Target::requests).sum());
    }

    @Test
    void rewritesThePathIntoTheTargetsPath() throws Exception {
        Service a = service("A");
        startGateway(AccessPolicies.NONE, "/api/*=" + a.url() + "/v1" + QUIET_CHECKS,
                "GET /pets/{proxy+}=" + a.url() + "/petstore/{proxy}" + QUIET_CHECKS);
        assertTrue(get("/api/users/1?q=2").body().startsWith("A GET /v1/users/1?q=2 "), get("/api/users/1").body());
        assertTrue(get("/pets/dogs/1").body().startsWith("A GET /petstore/dogs/1 "));
        assertEquals(404, get("/pets").statusCode(), "{proxy+} needs a segment, as in API Gateway");
    }

    @Test
    void ejectsAStoppedTargetUnderLoadWithoutFailingARequestAndReadmitsItWhenItIsBack() throws Exception {
        Service a = service("A");
        Service b = service("B");
        String name = "/orders/*";
        startGateway(AccessPolicies.NONE, name + "=" + a.url() + "," + b.url()
                + ",health=/health,interval=100ms,timeout=3s,healthy=2,unhealthy=3");
        int port = b.boundPort();
        String bUrl = b.url();
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> loops = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            loops.add(load.submit(() -> {
                for (int i = 0; i < 150; i++) {
                    try {
                        HttpResponse<String> r = get("/orders/" + i);
                        if (r.statusCode() != 200) {
                            failures.add(r.statusCode() + " " + r.body());
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> done.get() >= 150);
        b.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> !healthy(name, bUrl));
        for (Future<?> f : loops) {
            f.get();
        }
        load.shutdown();
        assertEquals(List.of(), failures, "requests failed while B went away");
        UpstreamStatus s = status(name);
        assertEquals(1, s.healthy());
        assertTrue(s.targets().get(1).ejections() >= 1);
        assertTrue(notices.stream().anyMatch(n -> n.startsWith("upstream /orders/*: 127.0.0.1:" + port
                + " taken out of rotation")), notices.toString());
        int servedByA = a.served.get();
        for (int i = 0; i < 10; i++) {
            assertTrue(get("/orders/x").body().startsWith("A "));
        }
        assertEquals(servedByA + 10, a.served.get());

        Service back = new Service("B", port).start();
        services.add(back);
        await().atMost(Duration.ofSeconds(10)).until(() -> healthy(name, bUrl));
        assertTrue(notices.stream().anyMatch(n -> n.contains(port + " is healthy again")), notices.toString());
        Map<String, Integer> hits = new ConcurrentHashMap<>();
        for (int i = 0; i < 20; i++) {
            hits.merge(get("/orders/" + i).body().substring(0, 1), 1, Integer::sum);
        }
        assertEquals(Map.of("A", 10, "B", 10), hits);
    }

    @Test
    void answers503AtOnceWhenNoTargetIsHealthy() throws Exception {
        Service a = service("A");
        Service b = service("B");
        startGateway(AccessPolicies.NONE, "/orders/*=" + a.url() + "," + b.url() + ",health=/health,interval=100ms");
        a.stop();
        b.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> status("/orders/*").healthy() == 0);
        long start = System.nanoTime();
        HttpResponse<String> r = get("/orders/1");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        String message = JSON.readTree(r.body()).get("message").asText();
        assertTrue(message.startsWith("Service Unavailable: no healthy target for upstream /orders/* (127.0.0.1:"),
                message);
        assertTrue(message.endsWith("; see GET /_faas/upstreams"), message);
        assertFalse(message.contains("\n"));
        assertTrue(millis < 1000, "answered in " + millis + " ms");
    }

    @Test
    void passiveEjectionOnServerErrors() throws Exception {
        Service a = service("A");
        Service b = service("B");
        // health checks pass (GET /health says 200) but B's answers fail: requests eject it, checks bring it back
        startGateway(AccessPolicies.NONE, "/orders/*=" + a.url() + "," + b.url()
                + ",health=/health,interval=200ms,timeout=3s,unhealthy=3,healthy=2");
        b.status = 500;
        int errors = 0;
        for (int i = 0; i < 20 && notices.stream().noneMatch(n -> n.contains("taken out of rotation (answered 500)")); i++) {
            if (get("/orders/" + i).statusCode() == 500) {
                errors++;
            }
        }
        assertEquals(3, errors, "B is out of rotation after three 5xx in a row: " + notices);
        assertTrue(status("/orders/*").targets().get(1).ejections() >= 1);
        b.status = 200;
        await().atMost(Duration.ofSeconds(10)).until(() -> healthy("/orders/*", b.url()));
    }

    @Test
    void aJwtAuthorizerGuardsAnUpstreamRouteAsItGuardsFunctions() throws Exception {
        Service a = service("A");
        try (TestIssuer issuer = new TestIssuer()) {
            JwtAuthorizer jwt = JwtAuthorizer.publicKeys("OrdersAuth", issuer.url, List.of("orders"), "Authorization",
                    KeySources.discovered(issuer.url));
            startGateway(new AccessPolicies(Map.of(), new RoutePolicy(null, jwt, List.of())),
                    "/orders/*=" + a.url() + QUIET_CHECKS);
            HttpResponse<String> refused = get("/orders/1");
            assertEquals(401, refused.statusCode());
            assertEquals("{\"message\":\"Unauthorized\"}", refused.body());
            assertEquals(0, a.served.get(), "a refused request never reaches the service");
            HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/orders/1"))
                    .header("Authorization", "Bearer " + issuer.token("orders", "read")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, allowed.statusCode(), allowed.body());
            assertTrue(allowed.body().startsWith("A GET /orders/1 "));
            assertTrue(notices.stream().anyMatch(n -> n.contains("(route ANY /orders/{proxy+} of upstream /orders/*, jwt")),
                    notices.toString());
        }
    }

    @Test
    void anUpstreamRouteMayNotTakeAFunctionsRoute() {
        GatewayException e = org.junit.jupiter.api.Assertions.assertThrows(GatewayException.class,
                () -> Router.build(List.of(RouterTest.fn("orders")), Upstreams.of(List.of(
                        UpstreamArgument.parse("/orders/*=http://127.0.0.1:1"))).routes()));
        assertEquals("route ANY /orders of orders conflicts with ANY /orders of upstream /orders/*; change the method"
                + " or path of one of them", e.getMessage());
    }
}
