package dev.localfaas.runtime.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.execution.FunctionStats;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.HttpRoute;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, refusing to start, and stopping with requests in flight. */
class GatewayLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void portInUseIsOneLineNamingThePort() {
        try (RunningGateway first = RunningGateway.start(Samples.copy(dir.resolve("functions"), "hello.jar"), dir.resolve("state"))) {
            int port = first.gateway.port();
            Gateway second = Gateway.create(GatewayConfig.defaults().withPort(port), first.faas);
            GatewayException e = assertThrows(GatewayException.class, second::start);
            assertEquals("port " + port + " on 127.0.0.1 is already in use; stop the program using it or choose "
                    + "another port with --port (0 picks a free one)", e.getMessage());
            second.stop();
        }
    }

    @Test
    void conflictingRoutesStopTheStartNamingBothFunctions() {
        Path functions = Samples.copy(dir.resolve("functions"), "hello.jar", "users-api.jar");
        try (LocalFaas faas = LocalFaas.open(RuntimeConfig.forDirectory(functions).withStateDir(dir.resolve("state")),
                f -> !f.name().equals("hello") ? f : new FunctionSpec(f.name(), f.jar(), f.handler(), f.memoryMb(),
                        f.timeoutSeconds(), f.concurrency(), f.environment(), f.inputType(),
                        List.of(new HttpRoute("GET", "/users/{name}")), f.schedules(), f.queues()))) {
            Gateway gateway = Gateway.create(GatewayConfig.defaults().withPort(0), faas);
            GatewayException e = assertThrows(GatewayException.class, gateway::start);
            assertEquals("route GET /users/{id} of users-api conflicts with GET /users/{name} of hello; "
                    + "change the method or path of one of them", e.getMessage());
            gateway.stop();
        }
    }

    @Test
    void stopLetsRequestsInFlightFinishThenClosesAndIsIdempotent() throws Exception {
        Path functions = Samples.copy(dir.resolve("functions"));
        TestJars.build(dir, functions.resolve("slow.jar"), Map.of("Slow", TestJars.sleeper("Slow", "name = \"slow\"")));
        RunningGateway gw = RunningGateway.start(functions, dir.resolve("state"), f -> f,
                c -> c.withDrainTimeout(Duration.ofSeconds(5)));
        String url = gw.gateway.url();
        CompletableFuture<HttpResponse<String>> inFlight = gw.http.sendAsync(
                HttpRequest.newBuilder(gw.uri("/slow?ms=700")).GET().build(), HttpResponse.BodyHandlers.ofString());
        await().atMost(5, TimeUnit.SECONDS).until(() -> gw.faas.stats().stream().mapToInt(FunctionStats::busy).sum() == 1);

        gw.gateway.stop();
        HttpResponse<String> finished = inFlight.get(5, TimeUnit.SECONDS);
        assertEquals(200, finished.statusCode());
        assertEquals("slept", finished.body());
        gw.gateway.stop(); // again: nothing happens
        IOException refused = assertThrows(IOException.class, () -> gw.http.send(
                HttpRequest.newBuilder(java.net.URI.create(url + "/slow")).GET().build(), HttpResponse.BodyHandlers.ofString()));
        assertEquals(ConnectException.class, refused.getClass());
        gw.close();
    }

    @Test
    void stopBeforeStartIsHarmless() {
        try (LocalFaas faas = LocalFaas.open(RuntimeConfig.forDirectory(Samples.copy(dir.resolve("f")))
                .withStateDir(dir.resolve("state")))) {
            Gateway gateway = Gateway.create(GatewayConfig.defaults(), faas);
            gateway.stop();
            gateway.close();
            assertThrows(IllegalStateException.class, gateway::port);
        }
    }
}
