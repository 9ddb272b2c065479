package dev.localfaas.runtime.execution;

import static dev.localfaas.runtime.execution.EngineFixture.json;
import static dev.localfaas.runtime.execution.EngineFixture.text;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.Samples;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.Isolation;
import dev.localfaas.runtime.function.RuntimeSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Process isolation on AWS's runtime interface client: each environment a child JVM behind its own Runtime API
 * endpoint. What a shared JVM cannot do: an exit, an out-of-memory error, a handler that ignores its timeout and a
 * crash during init each end only their environment, while a class-loader function beside them keeps serving.
 */
class ProcessIsolationTest {

    static final RuntimeSpec JAVA_PROCESS = new RuntimeSpec("java21", Isolation.PROCESS);

    @TempDir
    static Path state;
    static EngineFixture fixture;

    @BeforeAll
    static void start() {
        Path behaviour = Samples.behaviourJar();
        // Generous init and handler limits: a child JVM's start is what a loaded build machine slows most, and these
        // tests are about how environments end, not about the 10 s init limit.
        fixture = new EngineFixture(RuntimeConfig.forDirectory(state).withStateDir(state)
                .withInitTimeout(java.time.Duration.ofSeconds(60)),
                process(Samples.spec("upper", behaviour, "fixtures.behaviour.Upper", 128, 30, 0, Map.of())),
                process(Samples.spec("exiter", Samples.testFunctions().resolve("fixtures-exit.jar"),
                        "fixtures.exit.Exiter", 128, 30, 0, Map.of())),
                process(Samples.spec("hog", behaviour, "fixtures.behaviour.Hog", 128, 30, 0, Map.of())),
                process(Samples.spec("stubborn", behaviour, "fixtures.behaviour.Stubborn", 128, 2, 0, Map.of())),
                process(Samples.spec("bad-init", Samples.brokenFunctions().resolve("bad-init.jar"),
                        "broken.BadInit", 128, 30, 0, Map.of())),
                process(Samples.spec("tmp-user", behaviour, "fixtures.behaviour.TmpUser", 128, 3, 0, Map.of())),
                Samples.spec("neighbour", behaviour, "fixtures.behaviour.Upper"));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static FunctionSpec process(FunctionSpec spec) {
        return spec.withRuntime(JAVA_PROCESS);
    }

    @Test
    void aChildJvmAnswersWithTheRealMaxMemoryUsed() {
        InvocationResult cold = fixture.invoke("upper", "\"hello\"");
        assertEquals("\"HELLO\"", text(cold), cold.log());
        assertTrue(cold.coldStart());
        assertTrue(java.util.regex.Pattern.compile("REPORT RequestId: \\S+\tDuration: [0-9.]+ ms\tBilled Duration: \\d+ ms"
                + "\tMemory Size: 128 MB\tMax Memory Used: \\d+ MB\tInit Duration: [0-9.]+ ms").matcher(cold.log()).find(),
                cold.log());
        assertTrue(cold.maxMemoryUsedMb() > 10 && cold.maxMemoryUsedMb() < 1024, "peak RSS " + cold.maxMemoryUsedMb());
        assertTrue(cold.log().contains("Max Memory Used: " + cold.maxMemoryUsedMb() + " MB"), cold.log());
        assertEquals(cold.maxMemoryUsedMb(), dev.localfaas.runtime.metering.UsageRecord.of(cold).maxMemoryUsedMb(),
                "the usage record carries the real peak");
        InvocationResult warm = fixture.invoke("upper", "\"again\"");
        assertEquals("\"AGAIN\"", text(warm));
        assertFalse(warm.coldStart());

        // Azure's Consumption plan bills the memory used: both records are billed on their peak, Lambda on 128 MB
        var usage = new dev.localfaas.runtime.metering.LiveUsage(dev.localfaas.runtime.metering.PriceBook.builtIn(),
                new dev.localfaas.runtime.metering.ReportOptions(java.util.List.of("aws-x86_64", "azure-consumption"),
                        false, 0, null, null));
        usage.onInvocation(cold);
        usage.onInvocation(warm);
        var bills = usage.report().bills();
        assertEquals(2, bills.get("azure-consumption").measuredMemory());
        assertEquals(0, bills.get("aws-x86_64").measuredMemory());
    }

    @Test
    void systemExitEndsOnlyItsEnvironment() {
        assertEquals("\"still here\"", text(fixture.invoke("exiter", "{\"how\":\"none\"}")));
        InvocationResult exit = fixture.invoke("exiter", "{\"how\":\"system\",\"status\":3}");
        assertEquals("Runtime.ExitError", exit.errorType(), exit.log());
        assertEquals("RequestId: " + exit.requestId() + " Error: Runtime exited with error: exit status 3",
                json(exit).path("errorMessage").asText());
        assertTrue(exit.log().contains("Status: error\tError Type: Runtime.ExitError"), exit.log());
        assertEquals("\"STILL\"", text(fixture.invoke("neighbour", "\"still\"")));
        InvocationResult next = fixture.invoke("exiter", "{\"how\":\"none\"}");
        assertEquals("\"still here\"", text(next));
        assertTrue(next.coldStart());
    }

    @Test
    void runningOutOfMemoryEndsTheEnvironment() {
        InvocationResult oom = fixture.invoke("hog", "{\"fail\":\"memory\"}");
        assertEquals("Runtime.OutOfMemory", oom.errorType(), oom.log());
        assertEquals("java.lang.OutOfMemoryError", json(oom).path("errorType").asText());
        assertTrue(oom.log().contains("java.lang.OutOfMemoryError"), oom.log());
        InvocationResult next = fixture.invoke("hog", "{}");
        assertEquals(1, json(next).path("calls").asInt(), next.log());
        assertTrue(next.coldStart());
    }

    @Test
    void aHandlerThatIgnoresItsTimeoutIsKilledAtTheDeadline() {
        long t0 = System.nanoTime();
        InvocationResult late = fixture.invoke("stubborn", "{\"ms\":600000}");
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(Outcome.TIMEOUT, late.outcome(), late.log());
        assertTrue(tookMs < 20_000, tookMs + " ms");
        assertEquals("\"FINE\"", text(fixture.invoke("neighbour", "\"fine\"")));
        InvocationResult next = fixture.invoke("stubborn", "{\"ms\":1}");
        assertEquals(Outcome.OK, next.outcome(), next.log());
        assertTrue(next.coldStart());
    }

    @Test
    void aCrashDuringInitIsReportedByTheRuntimeAndEveryCallRetriesInit() {
        InvocationResult first = fixture.invoke("bad-init", "{}");
        assertEquals(Outcome.ERROR, first.outcome());
        assertTrue(json(first).path("errorMessage").asText().startsWith("Error loading class broken.BadInit"), EngineFixture.text(first));
        assertTrue(first.log().contains("boom in static init"), first.log());
        InvocationResult second = fixture.invoke("bad-init", "{}");
        assertEquals(Outcome.ERROR, second.outcome());
        assertEquals("\"OK\"", text(fixture.invoke("neighbour", "\"ok\"")));
    }

    @Test
    void aPublishedVersionRunsUnderItsOwnNumber() throws Exception {
        FunctionSpec probe = process(Samples.spec("probe", Samples.behaviourJar(), "fixtures.behaviour.EnvProbe",
                128, 30, 0, Map.of()));
        InvocationResult r = fixture.engine.invokeVersionAsync(probe, "3", new Invocation(
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), Trigger.CLI, Invocation.newRequestId(), null,
                "live")).get(120, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(Outcome.OK, r.outcome(), r.log());
        assertEquals("3", r.version());
        var body = json(r);
        assertEquals("3", body.path("env").path("AWS_LAMBDA_FUNCTION_VERSION").asText(), "the runtime's variable");
        assertEquals("3", body.path("context").path("functionVersion").asText(), "Context.getFunctionVersion()");
        assertTrue(body.path("context").path("logStreamName").asText().contains("/[3]"),
                body.path("context").path("logStreamName").asText());
        assertTrue(body.path("context").path("invokedFunctionArn").asText().endsWith(":function:probe:live"),
                body.path("context").path("invokedFunctionArn").asText());
        assertTrue(r.log().contains("START RequestId: " + r.requestId() + " Version: 3"), r.log());
    }

    @Test
    void eachEnvironmentHasAFreshTmpUnderTheStateDirDeletedHoweverItEnds() throws Exception {
        InvocationResult cold = fixture.invoke("tmp-user", "{}");
        assertEquals(Outcome.OK, cold.outcome(), cold.log());
        var first = json(cold);
        Path tmp = Path.of(first.path("tmpdir").asText());
        assertTrue(tmp.startsWith(state.toAbsolutePath().resolve("environments")), tmp.toString());
        assertEquals(tmp.toString(), first.path("TMPDIR").asText(), "java.io.tmpdir and TMPDIR agree");
        assertEquals(0, first.path("filesBefore").asInt(), "a new environment's /tmp is empty");
        assertEquals(1, json(fixture.invoke("tmp-user", "{}")).path("filesBefore").asInt(),
                "a warm environment keeps its /tmp, as on Lambda");

        InvocationResult exit = fixture.invoke("tmp-user", "{\"then\":\"exit\"}");
        assertEquals("Runtime.ExitError", exit.errorType(), exit.log());
        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(tmp.getParent()));

        InvocationResult hung = fixture.invoke("tmp-user", "{\"then\":\"hang\"}");
        assertEquals(Outcome.TIMEOUT, hung.outcome(), hung.log());
        await().atMost(Duration.ofSeconds(20)).until(() -> environments("tmp-user-") == 0);

        var fresh = json(fixture.invoke("tmp-user", "{}"));
        assertEquals(0, fresh.path("filesBefore").asInt(), "killed at its timeout, its /tmp went with it");
        assertFalse(fresh.path("tmpdir").asText().equals(tmp.toString()));
    }

    private static long environments(String prefix) throws java.io.IOException {
        try (Stream<Path> envs = Files.list(state.resolve("environments"))) {
            return envs.filter(p -> p.getFileName().toString().startsWith(prefix)).count();
        }
    }

    @Test
    void environmentsGetTheirOwnTmpWhichIsDeletedWhenTheyEnd() throws Exception {
        fixture.invoke("exiter", "{\"how\":\"none\"}");
        fixture.invoke("exiter", "{\"how\":\"system\",\"status\":1}");
        try (Stream<Path> envs = Files.list(state.resolve("environments"))) {
            assertEquals(0, envs.filter(p -> p.getFileName().toString().startsWith("exiter-")).count());
        }
    }
}
