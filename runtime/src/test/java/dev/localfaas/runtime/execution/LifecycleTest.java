package dev.localfaas.runtime.execution;

import static dev.localfaas.runtime.Samples.behaviourJar;
import static dev.localfaas.runtime.Samples.spec;
import static dev.localfaas.runtime.execution.EngineFixture.json;
import static dev.localfaas.runtime.execution.EngineFixture.text;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cold and warm starts, keep-warm, timeouts, throttling and the REPORT line. */
class LifecycleTest {

    @TempDir
    Path state;

    @Test
    void warmInvocationsKeepStateAndOnlyTheFirstReportsInit() {
        try (EngineFixture fx = new EngineFixture(state, spec("counter", behaviourJar(), "fixtures.behaviour.Counter"))) {
            InvocationResult first = fx.invoke("counter", "{}");
            InvocationResult second = fx.invoke("counter", "{}");
            assertEquals(1, json(first).get("staticCount").asInt());
            assertEquals(2, json(second).get("staticCount").asInt());
            assertEquals(2, json(second).get("instanceCount").asInt());
            assertTrue(first.coldStart() && first.initMs() > 0);
            assertTrue(!second.coldStart() && second.initMs() == 0);
            assertTrue(first.log().contains("\tInit Duration: "), first.log());
            assertTrue(!second.log().contains("Init Duration"), second.log());
        }
    }

    @Test
    void logLinesAreLambdasFormat() {
        try (EngineFixture fx = new EngineFixture(state, spec("counter", behaviourJar(), "fixtures.behaviour.Counter"))) {
            InvocationResult r = fx.invoke("counter", "{}");
            String[] lines = r.log().split("\n");
            String id = r.requestId();
            assertEquals("START RequestId: " + id + " Version: $LATEST", lines[0]);
            assertEquals("END RequestId: " + id, lines[lines.length - 2]);
            Pattern report = Pattern.compile("REPORT RequestId: " + Pattern.quote(id)
                    + "\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: (\\d+) ms\tMemory Size: 128 MB"
                    + "\tMax Memory Used: n/a \\(thread allocated \\d+ KB\\)\tInit Duration: \\d+\\.\\d\\d ms");
            assertTrue(report.matcher(lines[lines.length - 1]).matches(), lines[lines.length - 1]);
            assertEquals((long) Math.ceil(r.durationMs() + r.initMs()), r.billedMs());
            fx.engine.flush(); // the sink hears lines on the engine's writer thread, at most 100 ms later
            assertTrue(fx.lines.contains("counter " + lines[0]), "lines reach the sink");
        }
    }

    @Test
    void idleEnvironmentsAreClosedAfterKeepWarmAndTheNextCallIsCold() {
        RuntimeConfig config = RuntimeConfig.forDirectory(state).withKeepWarm(Duration.ofMillis(200));
        try (EngineFixture fx = new EngineFixture(config, spec("counter", behaviourJar(), "fixtures.behaviour.Counter"))) {
            fx.invoke("counter", "{}");
            fx.invoke("counter", "{}");
            assertEquals(1, fx.engine.stats().get(0).warm());
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.engine.stats().get(0).warm() == 0);
            InvocationResult cold = fx.invoke("counter", "{}");
            assertTrue(cold.coldStart());
            assertEquals(1, json(cold).get("staticCount").asInt(), "a new classloader starts with fresh statics");
        }
    }

    @Test
    void timeoutAnswersAtTheDeadlineAndDiscardsTheEnvironment() {
        try (EngineFixture fx = new EngineFixture(state,
                spec("sleeper", behaviourJar(), "fixtures.behaviour.Sleeper", 128, 1, 2, Map.of()))) {
            fx.invoke("sleeper", "{\"ms\":0}");
            long t0 = System.nanoTime();
            InvocationResult r = fx.invoke("sleeper", "{\"ms\":10000}");
            long tookMs = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(Outcome.TIMEOUT, r.outcome());
            assertTrue(tookMs < 3000, "answered at the deadline, took " + tookMs + " ms");
            JsonNode error = json(r);
            assertEquals("Sandbox.Timedout", error.get("errorType").asText());
            assertEquals("RequestId: " + r.requestId() + " Error: Task timed out after 1.00 seconds",
                    error.get("errorMessage").asText());
            assertTrue(r.log().contains(r.requestId() + " Task timed out after 1.00 seconds"), r.log());
            assertTrue(r.log().contains("\tDuration: 1000.00 ms\tBilled Duration: 1000 ms"), r.log());
            assertTrue(r.log().contains("\tStatus: timeout"), r.log());
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.engine.stats().get(0).busy() == 0);
            assertTrue(fx.invoke("sleeper", "{\"ms\":0}").coldStart(), "the timed-out environment was discarded");
        }
    }

    @Test
    void aHandlerIgnoringInterruptionIsReportedNotHidden() {
        try (EngineFixture fx = new EngineFixture(state,
                spec("stubborn", behaviourJar(), "fixtures.behaviour.Stubborn", 128, 1, 0, Map.of()))) {
            long t0 = System.nanoTime();
            InvocationResult r = fx.invoke("stubborn", "{\"ms\":3500}");
            assertEquals(Outcome.TIMEOUT, r.outcome());
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 2500, "the caller does not wait for the stubborn handler");
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.lines.stream()
                    .anyMatch(l -> l.contains("ignores interruption and still runs")));
            await().atMost(Duration.ofSeconds(8)).until(() -> fx.lines.stream()
                    .anyMatch(l -> l.contains("ignored its timeout and finished")));
        }
    }

    @Test
    void requestsBeyondReservedConcurrencyAreThrottledNeverQueued() throws Exception {
        try (EngineFixture fx = new EngineFixture(state,
                spec("sleeper", behaviourJar(), "fixtures.behaviour.Sleeper", 128, 3, 2, Map.of()))) {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<InvocationResult>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return fx.invoke("sleeper", "{\"ms\":1500}");
                }));
            }
            go.countDown();
            List<InvocationResult> results = new ArrayList<>();
            for (CompletableFuture<InvocationResult> call : calls) {
                results.add(call.get(10, TimeUnit.SECONDS));
            }
            long ok = results.stream().filter(r -> r.outcome() == Outcome.OK).count();
            List<InvocationResult> throttled = results.stream().filter(r -> r.outcome() == Outcome.THROTTLED).toList();
            assertEquals(2, ok, "two environments at most");
            assertEquals(4, throttled.size());
            InvocationResult t = throttled.get(0);
            assertEquals(0, t.billedMs(), "throttles are not billed");
            assertEquals("ReservedFunctionConcurrentInvocationLimitExceeded", json(t).get("Reason").asText());
            assertEquals("Rate Exceeded.", json(t).get("message").asText());
        }
    }

    @Test
    void accountConcurrencyLimitsAllFunctionsTogether() throws Exception {
        RuntimeConfig config = RuntimeConfig.forDirectory(state).withAccountConcurrency(1);
        try (EngineFixture fx = new EngineFixture(config,
                spec("a", behaviourJar(), "fixtures.behaviour.Sleeper", 128, 3, 0, Map.of()),
                spec("b", behaviourJar(), "fixtures.behaviour.Sleeper", 128, 3, 0, Map.of()))) {
            CompletableFuture<InvocationResult> slow = CompletableFuture.supplyAsync(() -> fx.invoke("a", "{\"ms\":1500}"));
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.engine.stats().get(0).busy() == 1);
            InvocationResult other = fx.invoke("b", "{\"ms\":0}");
            assertEquals(Outcome.THROTTLED, other.outcome());
            assertEquals("ConcurrentInvocationLimitExceeded", other.errorType());
            assertEquals(Outcome.OK, slow.get(10, TimeUnit.SECONDS).outcome());
        }
    }

    @Test
    void unknownFunctionIsAnException() {
        try (EngineFixture fx = new EngineFixture(state)) {
            UnknownFunctionException e = assertThrows(UnknownFunctionException.class, () -> fx.invoke("nope", "{}"));
            assertEquals("nope", e.function());
        }
    }

    @Test
    void functionErrorsAreLambdasErrorJsonWithUserFramesOnly() {
        try (EngineFixture fx = new EngineFixture(state, spec("thrower", behaviourJar(), "fixtures.behaviour.Thrower"))) {
            InvocationResult r = fx.invoke("thrower", "{}");
            assertEquals(Outcome.ERROR, r.outcome());
            JsonNode error = json(r);
            assertEquals("java.lang.IllegalStateException", error.get("errorType").asText());
            assertNotNull(error.get("errorMessage"));
            assertTrue(error.get("stackTrace").size() > 0);
            assertTrue(error.get("stackTrace").get(0).asText().startsWith("fixtures.behaviour.Thrower"), text(r));
            assertTrue(!text(r).contains("dev.localfaas") && !text(r).contains("java.lang.invoke"), text(r));
            assertTrue(error.has("cause"), "causes nest as the managed Java runtime nests them");
            assertTrue(r.log().contains("\tStatus: error"), r.log());
        }
    }
}
