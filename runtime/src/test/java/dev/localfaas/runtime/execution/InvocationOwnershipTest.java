package dev.localfaas.runtime.execution;

import static dev.localfaas.runtime.Samples.behaviourJar;
import static dev.localfaas.runtime.Samples.spec;
import static dev.localfaas.runtime.execution.EngineFixture.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One owner per invocation: the slot is free before the caller is answered, init has its own deadline and the
 * handler never runs after it, and handlers that ignore their timeout keep counting against the function.
 */
class InvocationOwnershipTest {

    @TempDir
    Path state;

    @Test
    void sequentialCallsAreNeverThrottledByTheirOwnPreviousCall() {
        try (EngineFixture fx = new EngineFixture(state,
                spec("noop", behaviourJar(), "fixtures.behaviour.Noop::run", 128, 3, 1, Map.of()))) {
            int throttled = 0;
            int ok = 0;
            for (int i = 0; i < 10_000; i++) {
                Outcome outcome = fx.invoke("noop", "{}").outcome();
                throttled += outcome == Outcome.THROTTLED ? 1 : 0;
                ok += outcome == Outcome.OK ? 1 : 0;
            }
            assertEquals(0, throttled, "of 10,000 back-to-back calls at concurrency 1");
            assertEquals(10_000, ok);
        }
    }

    @Test
    void initPastItsPhaseGoesOnUnderTheFunctionTimeoutAsLambdaRetriesIt() {
        RuntimeConfig config = RuntimeConfig.forDirectory(state).withInitTimeout(Duration.ofMillis(400));
        Path touched = state.resolve("touched");
        try (EngineFixture fx = new EngineFixture(config, spec("slow-init", behaviourJar(),
                "fixtures.behaviour.SlowInit", 128, 10, 0, Map.of("INIT_MS", "1200")))) {
            InvocationResult r = fx.invoke("slow-init", "{\"touch\":\"" + touched.toString().replace("\\", "\\\\") + "\"}");
            assertEquals(Outcome.OK, r.outcome(), r.log());
            assertTrue(Files.exists(touched), "the handler ran once init was done");
            assertTrue(r.log().contains("INIT_REPORT Init Duration: 400.00 ms\tPhase: init\tStatus: timeout"), r.log());
            assertEquals(400, r.initMs(), 0.001, "the init phase, up to its limit");
            assertTrue(r.durationMs() >= 700, "the rest of init counts in the duration: " + r.durationMs());
            assertEquals(Outcome.OK, fx.invoke("slow-init", "{}").outcome(), "and the environment is warm");
        }
    }

    @Test
    void initThatAlsoRunsPastTheFunctionTimeoutIsAnInitFailureAndTheHandlerNeverRuns() throws Exception {
        RuntimeConfig config = RuntimeConfig.forDirectory(state).withInitTimeout(Duration.ofMillis(400));
        Path touched = state.resolve("touched");
        try (EngineFixture fx = new EngineFixture(config, spec("slow-init", behaviourJar(),
                "fixtures.behaviour.SlowInit", 128, 1, 0, Map.of("INIT_MS", "3000")))) {
            long t0 = System.nanoTime();
            InvocationResult r = fx.invoke("slow-init", "{\"touch\":\"" + touched.toString().replace("\\", "\\\\") + "\"}");
            long tookMs = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(Outcome.ERROR, r.outcome());
            assertEquals("Runtime.InitError", r.errorType());
            assertTrue(tookMs < 2900, "answered at the deadlines (0.4 s + 1 s), took " + tookMs + " ms");
            String message = json(r).get("errorMessage").asText();
            assertTrue(message.contains("Init timed out after 0.40 seconds (the init phase's limit) and then ran past "
                    + "the function's timeout of 1.00 seconds"), message);
            assertTrue(r.initMs() >= 1400 && r.durationMs() == 0, "init " + r.initMs() + ", duration " + r.durationMs());
            assertTrue(r.log().contains("Phase: init\tStatus: timeout"), r.log());
            assertFalse(r.log().contains("Task timed out"), r.log());
            Thread.sleep(2000); // past when the init would have ended: the handler would have run by now
            assertFalse(Files.exists(touched), "the handler ran after its init timed out");
            fx.engine.flush();
            assertEquals(1, fx.lines.stream().filter(l -> l.contains("START RequestId: " + r.requestId())).count(),
                    String.join("\n", fx.lines));
        }
    }

    @Test
    void abandonedHandlersCountAgainstTheFunctionUpToTheCap() {
        RuntimeConfig config = RuntimeConfig.forDirectory(state).withAbandonedLimit(2);
        try (EngineFixture fx = new EngineFixture(config,
                spec("stubborn", behaviourJar(), "fixtures.behaviour.Stubborn", 128, 1, 0, Map.of()))) {
            for (int i = 0; i < 2; i++) {
                assertEquals(Outcome.TIMEOUT, fx.invoke("stubborn", "{\"ms\":12000}").outcome());
            }
            for (int i = 0; i < 3; i++) {
                InvocationResult r = fx.invoke("stubborn", "{\"ms\":12000}");
                assertEquals(Outcome.THROTTLED, r.outcome());
                assertTrue(json(r).get("message").asText().contains("2 handlers of stubborn ignored their timeout"),
                        json(r).toString());
                assertEquals(2, fx.engine.stats().get(0).abandoned());
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.lines.stream()
                    .anyMatch(l -> l.contains("ignores interruption") && l.contains("counts against")));
        }
    }

    @Test
    void anAbandonedHandlerHoldsTheOnlySlotUntilItEnds() {
        try (EngineFixture fx = new EngineFixture(state,
                spec("stubborn", behaviourJar(), "fixtures.behaviour.Stubborn", 128, 1, 1, Map.of()))) {
            assertEquals(Outcome.TIMEOUT, fx.invoke("stubborn", "{\"ms\":2500}").outcome());
            InvocationResult r = fx.invoke("stubborn", "{\"ms\":0}");
            assertEquals(Outcome.THROTTLED, r.outcome(), "two handler threads would run at concurrency 1");
            await().atMost(Duration.ofSeconds(8)).until(() -> fx.engine.stats().get(0).abandoned() == 0);
            assertEquals(Outcome.OK, fx.invoke("stubborn", "{\"ms\":0}").outcome());
        }
    }

    @Test
    void anEnvironmentThatHitAnErrorIsDiscarded() {
        try (EngineFixture fx = new EngineFixture(state, spec("hog", behaviourJar(), "fixtures.behaviour.Hog"))) {
            assertEquals(1, json(fx.invoke("hog", "{}")).get("calls").asInt());
            for (String fail : new String[] {"memory", "stack"}) {
                InvocationResult r = fx.invoke("hog", "{\"fail\":\"" + fail + "\"}");
                assertEquals(Outcome.ERROR, r.outcome());
                assertEquals(fail.equals("memory") ? "java.lang.OutOfMemoryError" : "java.lang.StackOverflowError",
                        json(r).get("errorType").asText());
                assertTrue(r.log().contains("environment is discarded"), r.log());
                InvocationResult next = fx.invoke("hog", "{}");
                assertTrue(next.coldStart(), "the environment that hit " + fail + " was reused");
                assertEquals(1, json(next).get("calls").asInt());
            }
        }
    }

    @Test
    void handlerCpuTimeIsMeasured() {
        try (EngineFixture fx = new EngineFixture(state, spec("counter", behaviourJar(), "fixtures.behaviour.Counter"))) {
            InvocationResult r = fx.invoke("counter", "{}");
            assertTrue(r.cpuNanos() > 0 || r.cpuNanos() == -1, "cpu " + r.cpuNanos());
        }
    }
}
