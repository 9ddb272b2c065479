package dev.localfaas.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code faas run --upstream} and a template's HTTP_PROXY integration put a real HTTP service (a JDK HttpServer on
 * port 0) behind the gateway; the banner lists it, {@code /_faas/upstreams} shows it, a bad argument is one line.
 */
class RunUpstreamTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer service;

    private String startService() throws Exception {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/", ex -> {
            byte[] body = ("service " + ex.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        service.start();
        return "http://127.0.0.1:" + service.getAddress().getPort();
    }

    @AfterEach
    void stopAll() {
        stop.countDown();
        if (service != null) {
            service.stop(0);
        }
    }

    private CompletableFuture<Integer> run(Path workingDir, String... args) {
        CommandLine cli = Faas.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        RunCommand run = (RunCommand) cli.getSubcommands().get("run").getCommandSpec().userObject();
        run.stop = stop::await;
        run.project.workingDir = workingDir;
        return CompletableFuture.supplyAsync(() -> cli.execute(args));
    }

    private String awaitReady() {
        Pattern ready = Pattern.compile("Ready on (http://127\\.0\\.0\\.1:\\d+)");
        try {
            await().atMost(30, TimeUnit.SECONDS).until(() -> ready.matcher(out.toString(StandardCharsets.UTF_8)).find());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not ready: " + out + "\n" + err, e);
        }
        Matcher m = ready.matcher(out.toString(StandardCharsets.UTF_8));
        assertTrue(m.find(), out + "\n" + err);
        return m.group(1);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theUpstreamOptionServesAServiceAndTheBannerListsIt() throws Exception {
        String target = startService();
        Path dir = Files.createDirectories(tmp.resolve("functions"));
        CompletableFuture<Integer> exit = run(tmp, "run", dir.toString(), "--port", "0", "--no-watch", "--state-dir",
                tmp.resolve("state").toString(), "--upstream", "/orders/*=" + target + ";weight=2,health=/orders");
        String url = awaitReady();
        assertEquals("service /orders/42?x=1", get(url + "/orders/42?x=1").body());
        String banner = out.toString(StandardCharsets.UTF_8);
        assertTrue(banner.contains("HTTP upstreams (state: " + url + "/_faas/upstreams)"), banner);
        assertTrue(banner.contains("  ANY /orders, ANY /orders/{proxy+}  ->  round-robin, health check GET /orders every"
                + " 5000ms (timeout 2000ms, healthy after 2, unhealthy after 2), path path as requested"), banner);
        assertTrue(banner.contains("      " + target + ";weight=2".replace(";weight=2", "") + "  weight 2"), banner);
        JsonNode state = new ObjectMapper().readTree(get(url + "/_faas/upstreams").body()).get("upstreams").get(0);
        assertEquals("/orders/*", state.get("name").asText());
        assertEquals(1, state.get("targets").get(0).get("requests").asInt());
        stop.countDown();
        assertEquals(0, exit.get(30, TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBadUpstreamIsOneLineAndExitCode2() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("functions"));
        int code = run(tmp, "run", dir.toString(), "--port", "0", "--no-watch", "--upstream",
                "/orders/*=127.0.0.1:8081").get(30, TimeUnit.SECONDS);
        assertEquals(2, code);
        assertEquals("faas: --upstream '/orders/*=127.0.0.1:8081': '127.0.0.1:8081' is neither a target URL nor a"
                + " setting; settings are balance, health, interval, timeout, healthy, unhealthy, retries",
                err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse(""));
    }

    @Test
    void aTemplatesHttpProxyIntegrationIsServedWithItsPathVariables() throws Exception {
        String target = startService();
        Files.writeString(tmp.resolve("template.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Api:
                    Type: AWS::ApiGatewayV2::Api
                    Properties:
                      Name: shop
                      ProtocolType: HTTP
                  OrdersIntegration:
                    Type: AWS::ApiGatewayV2::Integration
                    Metadata:
                      x-localfaas-targets:
                        - %s;weight=3
                      x-localfaas-health-check:
                        Path: /health
                        Interval: 10s
                    Properties:
                      ApiId: !Ref Api
                      IntegrationType: HTTP_PROXY
                      IntegrationMethod: ANY
                      IntegrationUri: https://orders.example.com/v1/{proxy}
                      PayloadFormatVersion: '1.0'
                  OrdersRoute:
                    Type: AWS::ApiGatewayV2::Route
                    Properties:
                      ApiId: !Ref Api
                      RouteKey: ANY /orders/{proxy+}
                      Target: !Sub integrations/${OrdersIntegration}
                """.formatted(target));
        CompletableFuture<Integer> exit = run(tmp, "run", "--port", "0", "--state-dir", tmp.resolve("state").toString());
        String url = awaitReady();
        assertEquals("service /v1/7/items", get(url + "/orders/7/items").body());
        JsonNode state = new ObjectMapper().readTree(get(url + "/_faas/upstreams").body()).get("upstreams").get(0);
        assertEquals("OrdersIntegration", state.get("name").asText());
        assertEquals(3, state.get("targets").get(0).get("weight").asInt());
        stop.countDown();
        assertEquals(0, exit.get(30, TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));
    }
}
