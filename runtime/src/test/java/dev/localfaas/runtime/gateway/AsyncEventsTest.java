package dev.localfaas.runtime.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.execution.Invocation;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.function.FunctionSpec;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Event} invocations run on the functions' own environments under their concurrency limits, from a bounded
 * queue whose depth shows in {@code /_faas/functions}; handlers that ignored their timeout show there too.
 */
class AsyncEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static RunningGateway gw;

    @BeforeAll
    static void start() {
        gw = RunningGateway.start(Samples.copy(dir.resolve("functions"), "fixtures-behaviour.jar"), dir.resolve("state"),
                f -> f.name().equals("sleeper") ? withConcurrency(f, 10, 5) : f, c -> c);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @Test
    void sixOneSecondEventsAtConcurrencyTenFinishInAboutOneSecond() {
        // six warm environments first, so that the figure is the events' running, not six cold starts
        List<CompletableFuture<InvocationResult>> warming = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            warming.add(gw.faas.invokeAsync("sleeper", Invocation.of("{\"ms\":700}".getBytes(), Trigger.CLI)));
        }
        warming.forEach(w -> assertEquals(Outcome.OK, w.join().outcome()));
        long before = okSince(0);
        for (int i = 0; i < 6; i++) {
            assertEquals(202, event(gw.gateway, "sleeper", "{\"ms\":1000}").statusCode());
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> okSince(before) == 6);
        List<InvocationResult> events = gw.invocations.stream()
                .filter(i -> i.function().equals("sleeper") && i.outcome() == Outcome.OK).skip(before).toList();
        // from the first event's start to the last one's end: about 1 s when they run side by side, 3 s two at a time
        long first = events.stream().mapToLong(i -> i.start().toEpochMilli()).min().orElseThrow();
        long last = events.stream().mapToLong(i -> i.start().toEpochMilli() + (long) i.durationMs()).max().orElseThrow();
        assertTrue(last - first < 2_000, "six 1-second events at concurrency 10 took " + (last - first) + " ms: "
                + events.stream().map(i -> i.start() + "+" + i.durationMs()).toList());
        assertTrue(gw.invocations.stream().skip(0).noneMatch(i -> i.function().equals("sleeper")
                && i.outcome() == Outcome.THROTTLED), "none throttled at concurrency 10");
    }

    @Test
    void aFullEventQueueAnswers429AndItsDepthIsVisible() throws Exception {
        try (Gateway small = Gateway.create(GatewayConfig.defaults().withPort(0), gw.faas).asyncQueueCapacity(1)
                .functionStats(gw.faas::stats).start()) {
            assertEquals(202, event(small, "sleeper", "{\"ms\":1500}").statusCode());
            HttpResponse<String> refused = event(small, "sleeper", "{\"ms\":0}");
            assertEquals(429, refused.statusCode(), refused.body());
            assertEquals("TooManyRequestsException", refused.headers().firstValue("X-Amzn-ErrorType").orElse(""));
            assertTrue(refused.body().contains("asynchronous event queue is full (1 events"), refused.body());
            JsonNode events = get(small, "/_faas/functions/sleeper").get("events");
            assertEquals(1, events.get("queued").asInt(), events.toString());
            assertTrue(events.get("oldestAgeMs").asLong() >= 0, events.toString());
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    get(small, "/_faas/functions/sleeper").get("events").get("queued").asInt() == 0);
        }
    }

    @Test
    void abandonedHandlersShowInTheFunctionList() throws Exception {
        HttpResponse<String> r = gw.send(HttpRequest.newBuilder(gw.uri("/2015-03-31/functions/stubborn/invocations"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"ms\":3000}")).build());
        assertEquals("Unhandled", r.headers().firstValue("X-Amz-Function-Error").orElse(""), r.body());
        await().atMost(Duration.ofSeconds(5)).until(() ->
                get(gw.gateway, "/_faas/functions/stubborn").get("environments").get("abandoned").asInt() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                get(gw.gateway, "/_faas/functions/stubborn").get("environments").get("abandoned").asInt() == 0);
    }

    private static long okSince(long before) {
        gw.faas.flush();
        return gw.invocations.stream().filter(i -> i.function().equals("sleeper") && i.outcome() == Outcome.OK)
                .count() - before;
    }

    private static HttpResponse<String> event(Gateway gateway, String function, String body) {
        return gw.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/2015-03-31/functions/" + function
                        + "/invocations")).header("X-Amz-Invocation-Type", "Event")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static JsonNode get(Gateway gateway, String path) throws Exception {
        return JSON.readTree(gw.send(HttpRequest.newBuilder(URI.create(gateway.url() + path)).build()).body());
    }

    private static FunctionSpec withConcurrency(FunctionSpec f, int concurrency, int timeoutSeconds) {
        return new FunctionSpec(f.name(), f.jar(), f.handler(), f.memoryMb(), timeoutSeconds, concurrency,
                f.environment(), f.inputType(), f.httpRoutes(), f.schedules(), f.queues());
    }
}
