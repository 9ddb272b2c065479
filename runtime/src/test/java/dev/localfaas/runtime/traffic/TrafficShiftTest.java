package dev.localfaas.runtime.traffic;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.execution.Trigger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weighted aliases, blue/green switches and canary rollbacks on the real gateway, over real HTTP. */
class TrafficShiftTest {

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void tenThousandCallsToAnAliasWeightedPointOneLandTenPercentOnTheNewVersion() throws Exception {
        try (TrafficGateway g = new TrafficGateway(tmp)) {
            g.faas.traffic().publish("release", "");
            g.configure("release", Map.of("RELEASE", "green"));
            g.faas.traffic().publish("release", "");
            g.faas.traffic().setAlias("release", "live", "1", Map.of("2", 0.1), "");

            // in-process, through the same LocalFaas.invokeAsync the gateway's Invoke API calls (fast on a loaded
            // machine); the HTTP path of a qualifier is covered by the other tests
            Map<String, AtomicInteger> byVersion = new ConcurrentHashMap<>();
            AtomicInteger failures = new AtomicInteger();
            java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(8);
            for (int i = 0; i < 10_000; i++) {
                inFlight.acquire();
                g.faas.invokeAsync("release:live", dev.localfaas.runtime.execution.Invocation.of(
                        "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), Trigger.INVOKE)).whenComplete((r, e) -> {
                            if (e != null || r.failed()) {
                                failures.incrementAndGet();
                            } else {
                                byVersion.computeIfAbsent(r.version(), v -> new AtomicInteger()).incrementAndGet();
                            }
                            inFlight.release();
                        });
            }
            inFlight.acquire(8);
            assertEquals(0, failures.get());
            assertEquals(10_000, byVersion.get("1").get() + byVersion.get("2").get(), byVersion.toString());
            double share = byVersion.get("2").get() / 10_000.0;
            assertTrue(share >= 0.09 && share <= 0.11, "version 2 took " + share + " of the calls");
        }
    }

    @Test
    void aCanaryThatFailsIsRolledBackWithinItsWindowAndEveryLaterCallRunsTheOldVersion() throws Exception {
        try (TrafficGateway g = new TrafficGateway(tmp)) {
            HealthRules rules = HealthRules.parse(List.of(Map.of("ErrorRate", "10%", "Window", "60s",
                    "MinRequests", "10")), w -> { });
            g.faas.deployments().autoPublish("release", "live",
                    new DeploymentPreference(DeploymentType.CANARY_10_5, rules, null, null, true));
            assertEquals("1", g.faas.traffic().alias("release", "live").orElseThrow().version());

            long deployedAt = System.nanoTime();
            g.configure("release", Map.of("RELEASE", "green", "FAIL_PERCENT", "30")); // a bad release
            DeploymentRecord started = g.faas.deployments().history().get(0);
            assertEquals("2", started.to());
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    g.faas.traffic().alias("release", "live").orElseThrow().weights().containsKey("2"));

            // the HTTP route of the function runs its alias, as SAM wires AutoPublishAlias
            AtomicLong served = new AtomicLong();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1)).until(() -> {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(g.url() + "/release"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                served.incrementAndGet();
                return g.faas.deployments().history().get(0).status().equals(DeploymentRecord.ROLLED_BACK);
            });
            double seconds = (System.nanoTime() - deployedAt) / 1e9;
            assertTrue(seconds < 60, "rolled back after " + seconds + " s, past the rule's 60 s window");
            DeploymentRecord rolledBack = g.faas.deployments().history().get(0);
            assertTrue(rolledBack.reason().startsWith("version 2: error rate "), rolledBack.reason());
            assertTrue(g.notices.stream().anyMatch(n -> n.contains("rolled-back") && n.contains("error rate")),
                    g.notices.toString());
            assertEquals(Map.of(), g.faas.traffic().alias("release", "live").orElseThrow().weights());

            for (int i = 0; i < 200; i++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(
                        g.url() + "/2015-03-31/functions/release/invocations?Qualifier=live"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode());
                assertEquals("1", r.headers().firstValue("X-Amz-Executed-Version").orElseThrow());
                assertTrue(r.body().contains("\"release\":\"blue\""), r.body());
            }
            assertEquals("1", g.invoke("release", Trigger.HTTP).version(), "triggers run the alias");
            assertEquals("$LATEST", g.invoke("release", Trigger.INVOKE).version(), "unqualified Invoke runs $LATEST");
        }
    }

    @Test
    void switchingAnAliasUnderLoadFailsNoRequest() throws Exception {
        try (TrafficGateway g = new TrafficGateway(tmp)) {
            g.faas.traffic().publish("release", "");
            g.configure("release", Map.of("RELEASE", "green"));
            g.faas.traffic().publish("release", "");
            g.faas.traffic().setAlias("release", "live", "1", Map.of(), "");

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger ok = new AtomicInteger();
            List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            URI uri = URI.create(g.url() + "/2015-03-31/functions/release/invocations?Qualifier=live");
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread client = new Thread(() -> {
                    while (running.get()) {
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
                                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 200 && r.headers().firstValue("X-Amz-Function-Error").isEmpty()) {
                                ok.incrementAndGet();
                            } else {
                                failures.add(r.statusCode() + " " + r.body());
                            }
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                });
                client.start();
                clients.add(client);
            }
            for (int i = 0; i < 4; i++) {
                int before = ok.get();
                await().atMost(Duration.ofSeconds(20)).until(() -> ok.get() >= before + 100);
                g.faas.traffic().setAlias("release", "live", i % 2 == 0 ? "2" : "1", Map.of(), "");
            }
            int before = ok.get();
            await().atMost(Duration.ofSeconds(20)).until(() -> ok.get() >= before + 100);
            running.set(false);
            for (Thread c : clients) {
                c.join();
            }
            assertEquals(List.of(), failures);
            assertTrue(ok.get() >= 500, ok.get() + " calls");
            assertEquals(5, g.faas.deployments().history().size(), "each switch is in the history");
        }
    }
}
