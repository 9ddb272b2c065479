package dev.localfaas.runtime.execution;

import static dev.localfaas.runtime.Samples.behaviourJar;
import static dev.localfaas.runtime.Samples.functions;
import static dev.localfaas.runtime.Samples.spec;
import static dev.localfaas.runtime.execution.EngineFixture.json;
import static dev.localfaas.runtime.execution.EngineFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every handler form of lambda-contract.md §1, through real JARs. */
class HandlerFormsTest {

    @TempDir
    static Path state;
    static EngineFixture fx;

    @BeforeAll
    static void start() {
        fx = new EngineFixture(state,
                spec("hello", functions().resolve("hello.jar"), "example.Hello"),
                spec("shout", functions().resolve("shout.jar"), "example.Shout"),
                spec("greeter", functions().resolve("greeter.jar"), "example.Greeter::greet"),
                spec("upper", behaviourJar(), "fixtures.behaviour.Upper"),
                spec("noop", behaviourJar(), "fixtures.behaviour.Noop::run"),
                spec("static-sum", behaviourJar(), "fixtures.behaviour.StaticSum::sum"),
                spec("raw-stream", behaviourJar(), "fixtures.behaviour.RawStream::handle"),
                spec("missing-method", behaviourJar(), "fixtures.behaviour.Noop::nothingHere"),
                spec("missing-class", behaviourJar(), "fixtures.behaviour.Nope"),
                spec("not-a-handler", behaviourJar(), "fixtures.behaviour.Sleeper::millis"));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void requestHandlerReadsAndWritesJson() {
        InvocationResult r = fx.invoke("hello", "{\"name\":\"Ada\"}");
        assertEquals(Outcome.OK, r.outcome(), text(r));
        assertEquals("Hello, Ada!", json(r).get("message").asText());
    }

    @Test
    void streamHandlerGetsRawBytes() {
        InvocationResult r = fx.invoke("shout", "not json at all");
        assertEquals(Outcome.OK, r.outcome(), text(r));
        assertEquals("NOT JSON AT ALL", text(r));
    }

    @Test
    void pojoMethodWithContext() {
        InvocationResult r = fx.invoke("greeter", "{\"name\":\"Grace\"}");
        assertEquals(Outcome.OK, r.outcome(), text(r));
        assertTrue(text(r).contains("Grace"), text(r));
    }

    @Test
    void stringInputMustBeAJsonStringAndOutputIsQuoted() {
        InvocationResult ok = fx.invoke("upper", "\"abc\"");
        assertEquals("\"ABC\"", text(ok));
        InvocationResult bad = fx.invoke("upper", "{\"a\":1}");
        assertEquals(Outcome.ERROR, bad.outcome());
        assertEquals("An error occurred during JSON parsing", json(bad).get("errorMessage").asText());
        assertEquals("java.lang.RuntimeException", json(bad).get("errorType").asText());
        assertTrue(json(bad).get("cause").get("errorMessage").asText().contains("java.lang.String"), text(bad));
    }

    @Test
    void malformedJsonIsTheRuntimesParsingErrorNotACrash() {
        InvocationResult r = fx.invoke("hello", "{not json");
        assertEquals(Outcome.ERROR, r.outcome());
        assertEquals("An error occurred during JSON parsing", json(r).get("errorMessage").asText());
        assertEquals(Outcome.OK, fx.invoke("hello", "{}").outcome(), "the environment survives bad input");
    }

    @Test
    void voidMethodAnswersNull() {
        assertEquals("null", text(fx.invoke("noop", "{}")));
    }

    @Test
    void staticMethodWithGenericListInput() {
        assertEquals("6", text(fx.invoke("static-sum", "[1,2,3]")));
        assertEquals("5", text(fx.invoke("static-sum", "5")), "a scalar becomes a one-element list");
    }

    @Test
    void inputStreamOutputStreamMethod() {
        InvocationResult r = fx.invoke("raw-stream", "bytes in");
        assertEquals(Outcome.OK, r.outcome(), text(r));
        assertFalse(text(r).isEmpty());
    }

    @Test
    void unknownMethodIsTheRuntimesMessage() {
        InvocationResult r = fx.invoke("missing-method", "{}");
        assertEquals(Outcome.ERROR, r.outcome());
        JsonNode error = json(r);
        assertEquals("No public method named nothingHere with appropriate method signature found on class "
                + "fixtures.behaviour.Noop", error.get("errorMessage").asText());
        assertTrue(r.log().contains("Status: error"), r.log());
    }

    @Test
    void unknownClassIsClassNotFound() {
        InvocationResult r = fx.invoke("missing-class", "{}");
        assertEquals("Class not found: fixtures.behaviour.Nope", json(r).get("errorMessage").asText());
        assertEquals("java.lang.ClassNotFoundException", json(r).get("errorType").asText());
        assertFalse(json(r).has("stackTrace"), "init faults carry no stack trace, as on Lambda");
    }

    @Test
    void nonPublicMethodIsNotAHandler() {
        InvocationResult r = fx.invoke("not-a-handler", "{}");
        assertEquals(Outcome.ERROR, r.outcome());
        assertTrue(json(r).get("errorMessage").asText().startsWith("No public method named millis"), text(r));
    }
}
