package dev.localfaas.runtime.execution;

import static dev.localfaas.runtime.Samples.behaviourJar;
import static dev.localfaas.runtime.Samples.spec;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What threads a handler started print: the invocation's while it runs, the function's after, never lost. */
class OutputAttributionTest {

    @TempDir
    Path state;

    @Test
    void aLateLineNeverLandsInAnotherInvocation() {
        try (EngineFixture fx = new EngineFixture(state, spec("echoes", behaviourJar(), "fixtures.behaviour.Echoes"))) {
            InvocationResult first = fx.invoke("echoes", "{\"later\":\"late-from-first\",\"afterMs\":300}");
            InvocationResult second = fx.invoke("echoes", "{\"waitMs\":900}");
            assertFalse(second.log().contains("late-from-first"), second.log());
            assertFalse(first.log().contains("late-from-first"), "printed after the first ended");
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.lines.contains("echoes late-from-first"));
        }
    }

    @Test
    void aLinePrintedWhileTheEnvironmentIsIdleIsKept() {
        try (EngineFixture fx = new EngineFixture(state, spec("echoes", behaviourJar(), "fixtures.behaviour.Echoes"))) {
            InvocationResult r = fx.invoke("echoes", "{\"later\":\"while-idle\",\"afterMs\":200}");
            assertEquals(Outcome.OK, r.outcome());
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.lines.contains("echoes while-idle"));
            assertTrue(fx.lines.stream().noneMatch(l -> l.equals("echoes ")), "no empty line for the newline alone");
        }
    }

    @Test
    void aLineWhileItsInvocationRunsIsInThatInvocationsLog() {
        try (EngineFixture fx = new EngineFixture(state, spec("echoes", behaviourJar(), "fixtures.behaviour.Echoes"))) {
            InvocationResult r = fx.invoke("echoes", "{\"later\":\"in-time\",\"afterMs\":50,\"waitMs\":600}");
            assertTrue(r.log().contains("in-time"), r.log());
        }
    }
}
