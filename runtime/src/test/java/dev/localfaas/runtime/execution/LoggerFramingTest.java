package dev.localfaas.runtime.execution;

import static dev.localfaas.runtime.Samples.spec;
import static dev.localfaas.runtime.Samples.testFunctions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, point 7: AWS frames each {@code LambdaLogger.log} call as its own log event, so text without a trailing
 * newline is its own line on the console and in the Tail log ({@code X-Amz-Log-Result}), never run into the next.
 */
class LoggerFramingTest {

    @Test
    void eachLogCallIsItsOwnLine(@TempDir Path state) {
        try (EngineFixture fx = new EngineFixture(state,
                spec("chatty", testFunctions().resolve("fixtures-fidelity.jar"), "fixtures.fidelity.Chatty"))) {
            InvocationResult r = fx.invoke("chatty", "{}");
            assertEquals(Outcome.OK, r.outcome(), EngineFixture.text(r));
            fx.engine.flush(); // console lines reach the log sink on the engine's writer thread
            List<String> expected = List.of("first", "second", "third", "two", "lines", "printed");
            List<String> console = fx.lines.stream().filter(l -> l.startsWith("chatty "))
                    .map(l -> l.substring("chatty ".length()))
                    .filter(l -> !l.startsWith("START") && !l.startsWith("END") && !l.startsWith("REPORT")).toList();
            assertEquals(expected, console);
            assertTrue(r.log().contains("\nfirst\nsecond\nthird\ntwo\nlines\nprinted\n"), r.log());
        }
    }
}
