package dev.localfaas.runtime.execution;

import static dev.localfaas.runtime.Samples.behaviourJar;
import static dev.localfaas.runtime.Samples.brokenFunctions;
import static dev.localfaas.runtime.Samples.functions;
import static dev.localfaas.runtime.Samples.spec;
import static dev.localfaas.runtime.execution.EngineFixture.json;
import static dev.localfaas.runtime.execution.EngineFixture.text;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a function can see: its own classes and variables, none of the runtime's; and what it leaves behind. */
class IsolationTest {

    @TempDir
    Path state;

    @Test
    void runtimeClassesAreInvisibleAndTheContextLoaderIsTheFunctions() {
        try (EngineFixture fx = new EngineFixture(state, spec("isolation", behaviourJar(), "fixtures.behaviour.Isolation"))) {
            JsonNode r = json(fx.invoke("isolation", "{}"));
            r.get("isolation").fields().forEachRemaining(e ->
                    assertEquals("ClassNotFoundException", e.getValue().asText(), e.getKey() + " leaked into the function"));
            assertTrue(r.get("contextClassLoaderIsFunctionLoader").asBoolean());
        }
    }

    @Test
    void aFunctionBundlingItsOwnJacksonSeesItsOwnVersion() {
        try (EngineFixture fx = new EngineFixture(state,
                spec("jackson-legacy", functions().resolve("jackson-legacy.jar"), "example.JacksonLegacy"))) {
            InvocationResult r = fx.invoke("jackson-legacy", "{\"a\":1}");
            assertEquals(Outcome.OK, r.outcome(), text(r));
            assertTrue(json(r).get("jacksonVersion").asText().startsWith("2.12."), text(r));
        }
    }

    @Test
    void lambdaVariablesAndTheFunctionsOwnAreVisibleThroughGetenvDuringTheInvocationOnly() {
        try (EngineFixture fx = new EngineFixture(state, spec("env-probe", behaviourJar(), "fixtures.behaviour.EnvProbe",
                512, 3, 0, Map.of("GREETING", "hi")))) {
            InvocationResult r = fx.invoke("env-probe", "{}");
            JsonNode env = json(r).get("env");
            assertEquals("hi", env.get("GREETING").asText());
            assertEquals("env-probe", env.get("AWS_LAMBDA_FUNCTION_NAME").asText());
            assertEquals("512", env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText());
            assertEquals("$LATEST", env.get("AWS_LAMBDA_FUNCTION_VERSION").asText());
            assertEquals("us-east-1", env.get("AWS_REGION").asText());
            assertEquals("/aws/lambda/env-probe", env.get("AWS_LAMBDA_LOG_GROUP_NAME").asText());
            assertEquals("fixtures.behaviour.EnvProbe", env.get("_HANDLER").asText());
            assertNull(System.getenv("GREETING"), "the test thread still sees the process environment");
            assertNull(System.getenv("AWS_LAMBDA_FUNCTION_NAME"));
        }
    }

    @Test
    void theHandlerSeesItsInvocationsTraceHeaderAsLambdaSetsIt() {
        try (EngineFixture fx = new EngineFixture(state, spec("env-probe", behaviourJar(), "fixtures.behaviour.EnvProbe",
                256, 3, 0, Map.of()))) {
            String root = "1-5759e988-bd862e3fe1be46a994272793";
            InvocationResult r = fx.engine.invoke("env-probe", Invocation.of("{}".getBytes(StandardCharsets.UTF_8),
                    Trigger.INVOKE).withTrace(TraceLink.direct("Root=" + root + ";Parent=53995c3f42cd8ad8;Sampled=1")));
            JsonNode out = json(r);
            String expected = "Root=" + root + ";Parent=" + r.trace().id() + ";Sampled=0";
            assertEquals(expected, out.get("env").get("_X_AMZN_TRACE_ID").asText(), "the variable names this invocation");
            assertEquals(expected, out.get("traceProperty").asText(), "com.amazonaws.xray.traceHeader");
            assertEquals(expected, out.get("context").get("xrayTraceId").asText());
            assertEquals("53995c3f42cd8ad8", r.trace().parent());
            assertNull(System.getProperty("com.amazonaws.xray.traceHeader"), "other threads see no trace");
            assertNull(System.getenv("_X_AMZN_TRACE_ID"));

            InvocationResult fresh = fx.invoke("env-probe", "{}");
            String header = json(fresh).get("env").get("_X_AMZN_TRACE_ID").asText();
            assertTrue(header.matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0"), header);
            assertNotEquals(root, fresh.trace().root(), "an invocation without a header starts its own trace");
        }
    }

    @Test
    void contextAnswersAsLambdasDoes() {
        try (EngineFixture fx = new EngineFixture(state, spec("env-probe", behaviourJar(), "fixtures.behaviour.EnvProbe",
                256, 3, 0, Map.of()))) {
            InvocationResult r = fx.invoke("env-probe", "{}");
            JsonNode ctx = json(r).get("context");
            assertEquals(r.requestId(), ctx.get("awsRequestId").asText());
            assertEquals("env-probe", ctx.get("functionName").asText());
            assertEquals("$LATEST", ctx.get("functionVersion").asText());
            assertEquals("arn:aws:lambda:us-east-1:123456789012:function:env-probe", ctx.get("invokedFunctionArn").asText());
            assertEquals("/aws/lambda/env-probe", ctx.get("logGroupName").asText());
            assertTrue(ctx.get("logStreamName").asText().matches("\\d{4}/\\d\\d/\\d\\d/\\[\\$LATEST][0-9a-f]{32}"));
            assertEquals(256, ctx.get("memoryLimitInMB").asInt());
            int remaining = ctx.get("remainingTimeInMillis").asInt();
            assertTrue(remaining > 2000 && remaining <= 3000, "remaining time from a real deadline: " + remaining);
            assertTrue(json(r).get("runtimeLoggerIsContextLogger").asBoolean());
        }
    }

    @Test
    void theLambdaLoggerWritesLevelsAsTheAwsRuntimeDoesInTextByDefault() {
        try (EngineFixture fx = new EngineFixture(state, spec("level-logger", behaviourJar(), "fixtures.behaviour.LevelLogger"))) {
            String log = fx.invoke("level-logger", "{}").log();
            assertTrue(log.contains("\n[TRACE] level-logger: trace line\n"), log);
            assertTrue(log.contains("\n[ERROR] level-logger: error line\n"), log);
            assertTrue(log.contains("\nlevel-logger: plain line\n"), log);
        }
    }

    @Test
    void aJsonLoggingConfigMakesTheLambdaLoggerWriteJsonRecordsAtOrAboveItsLevel() throws Exception {
        try (EngineFixture fx = new EngineFixture(state, spec("level-logger", behaviourJar(), "fixtures.behaviour.LevelLogger",
                128, 3, 0, Map.of("AWS_LAMBDA_LOG_FORMAT", "JSON", "AWS_LAMBDA_LOG_LEVEL", "WARN")))) {
            InvocationResult r = fx.invoke("level-logger", "{}");
            String log = r.log();
            assertTrue(!log.contains("debug line") && !log.contains("info line") && !log.contains("trace line"), log);
            String warn = log.lines().filter(l -> l.contains("warn line")).findFirst().orElseThrow();
            JsonNode record = new com.fasterxml.jackson.databind.ObjectMapper().readTree(warn);
            assertEquals("WARN", record.get("level").asText());
            assertEquals("level-logger: warn line", record.get("message").asText());
            assertEquals(r.requestId(), record.get("AWSRequestId").asText());
            assertTrue(record.get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
            String plain = log.lines().filter(l -> l.contains("plain line")).findFirst().orElseThrow();
            assertEquals("UNDEFINED", new com.fasterxml.jackson.databind.ObjectMapper().readTree(plain).get("level").asText(), "log(String) is never filtered");
            assertTrue(log.contains("\nlevel-logger: printed line\n"), "System.out stays as printed: " + log);
        }
    }

    @Test
    void whatAHandlerPrintsOrLogsIsAttributedToItsInvocation() {
        try (EngineFixture fx = new EngineFixture(state, spec("printer", behaviourJar(), "fixtures.behaviour.Printer"))) {
            InvocationResult r = fx.invoke("printer", "{}");
            assertEquals(Outcome.OK, r.outcome(), text(r));
            String log = r.log();
            int start = log.indexOf("START RequestId");
            int end = log.indexOf("END RequestId");
            String body = log.substring(start, end);
            assertTrue(body.contains("System.out"), log);
            assertTrue(body.contains("System.err"), log);
            assertTrue(body.contains("LambdaLogger"), log);
        }
    }

    @Test
    void brokenPackagesAnswerWithTheirLoadErrorOnEveryCall() {
        Path broken = brokenFunctions();
        try (EngineFixture fx = new EngineFixture(state,
                spec("no-ctor", broken.resolve("no-ctor.jar"), "broken.NoCtor"),
                spec("bad-init", broken.resolve("bad-init.jar"), "broken.BadInit"),
                spec("survivor", broken.resolve("survivor.jar"), "broken.Survivor"))) {
            for (int i = 0; i < 2; i++) {
                InvocationResult noCtor = fx.invoke("no-ctor", "{}");
                assertEquals(Outcome.ERROR, noCtor.outcome());
                assertEquals("Class broken.NoCtor has no public zero-argument constructor",
                        json(noCtor).get("errorMessage").asText());
                InvocationResult badInit = fx.invoke("bad-init", "{}");
                assertEquals("java.lang.ExceptionInInitializerError", json(badInit).get("errorType").asText());
                assertTrue(json(badInit).get("errorMessage").asText().startsWith("Error loading class broken.BadInit"),
                        text(badInit));
                assertTrue(badInit.log().contains("boom in static init"), badInit.log());
            }
            assertEquals(Outcome.OK, fx.invoke("survivor", "{}").outcome(), "other functions still run");
        }
    }

    @Test
    void aClosedEnvironmentsClassLoaderCanBeCollected() {
        RuntimeConfig config = RuntimeConfig.forDirectory(state).withKeepWarm(Duration.ofMillis(100));
        try (EngineFixture fx = new EngineFixture(config, spec("counter", behaviourJar(), "fixtures.behaviour.Counter"))) {
            WeakReference<ClassLoader> loader = new WeakReference<>(loaderOf(fx));
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.engine.stats().get(0).warm() == 0);
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                System.gc();
                return loader.get() == null;
            });
        }
    }

    /** Runs one invocation and returns the loader of the environment it warmed, found through the thread it used. */
    private static ClassLoader loaderOf(EngineFixture fx) {
        InvocationResult r = fx.invoke("counter", "{}");
        assertEquals(Outcome.OK, r.outcome());
        return fx.engine.pool("counter").idleLoaders().get(0);
    }
}
