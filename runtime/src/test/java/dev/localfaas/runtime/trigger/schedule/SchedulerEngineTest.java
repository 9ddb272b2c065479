package dev.localfaas.runtime.trigger.schedule;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.Samples;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.RetryPolicy;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.ScheduleSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler on the real clock, driving the real engine ({@link LocalFaas}) over the real sample JARs. */
class SchedulerEngineTest {

    private static final RetryPolicy FAST_RETRIES = new RetryPolicy(List.of(Duration.ofMillis(50),
            Duration.ofMillis(100)));

    @TempDir
    Path functions;

    /** The schedules each function gets at the next discovery, in place of what its JAR declares. */
    private final Map<String, ScheduleSpec> schedules = new ConcurrentHashMap<>();

    private final ConcurrentLinkedQueue<InvocationResult> results = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
    private LocalFaas faas;
    private Scheduler scheduler;

    @AfterEach
    void close() {
        if (scheduler != null) {
            scheduler.close();
        }
        if (faas != null) {
            faas.close();
        }
    }

    @Test
    void tickJarFiresEverySecondWithTheScheduledEventAWSWouldSend() throws IOException {
        schedules.put("tick", new ScheduleSpec("rate(1 second)", "", true));
        start(Samples.functions().resolve("tick.jar"));

        await().atMost(Duration.ofSeconds(10)).until(() -> results.size() >= 3);

        List<InvocationResult> firings = results.stream().limit(3).toList();
        Instant previous = null;
        for (InvocationResult r : firings) {
            assertEquals(Trigger.SCHEDULE, r.trigger());
            assertEquals(Outcome.OK, r.outcome(), () -> new String(r.payload(), StandardCharsets.UTF_8));
            Instant scheduled = scheduledTime(r);
            assertEquals(0, scheduled.getNano(), "fires on whole seconds");
            assertFalse(r.start().isBefore(scheduled), "never early: " + r.start() + " before " + scheduled);
            if (previous != null) {
                assertEquals(previous.plusSeconds(1), scheduled, "one second apart, none skipped");
            }
            previous = scheduled;
        }
        assertTrue(firings.get(0).coldStart());
        assertFalse(firings.get(2).coldStart());
    }

    @Test
    void aHotReloadChangesTheScheduleTheJarDeclares() throws IOException {
        start(Samples.functions().resolve("tick.jar"));
        assertEquals("rate(1 minute)", scheduler.describe().get(0).expression());

        schedules.put("tick", new ScheduleSpec("rate(1 day)", "", true));
        faas.reload();
        List<String> problems = scheduler.update(faas.functions());

        assertEquals(List.of(), problems);
        ScheduleInfo tick = scheduler.describe().get(0);
        assertEquals("rate(1 day)", tick.expression());
        Duration untilFirst = Duration.between(Instant.now(), tick.nextFirings().get(0));
        assertTrue(untilFirst.compareTo(Duration.ofHours(23)) > 0, untilFirst::toString);
    }

    @Test
    void aRealFunctionErrorIsRetriedTwiceThenLoggedAsFailed() throws IOException {
        schedules.put("thrower", new ScheduleSpec("cron(0 9 ? * MON-FRI *)", "{}", true));
        start(Samples.behaviourJar());

        FiredSchedule fired = scheduler.fireNow("thrower").get(0);

        assertEquals(Outcome.ERROR, fired.result().join().outcome());
        faas.flush(); // listeners hear of invocations on the engine's writer thread
        await().until(() -> log.size() == 1);
        assertEquals(3, results.size());
        results.forEach(r -> assertEquals(fired.requestId(), r.requestId()));
        assertEquals("thrower: cron(0 9 ? * MON-FRI *) firing at " + fired.scheduledTime() + " failed after 3 "
                + "attempts: error java.lang.IllegalStateException (request " + fired.requestId() + ")", log.peek());
    }

    @Test
    void firingsBeyondTheConcurrencyLimitAreThrottledThenRetried() throws IOException {
        // sleeper allows 2 environments; three firings at once: the third is throttled, then runs on a retry
        schedules.put("sleeper", new ScheduleSpec("rate(1 day)", "{\"ms\":200}", true));
        start(Samples.behaviourJar(), new RetryPolicy(List.of(Duration.ofMillis(600), Duration.ofMillis(1200))));

        List<FiredSchedule> fired = List.of(scheduler.fireNow("sleeper").get(0), scheduler.fireNow("sleeper").get(0),
                scheduler.fireNow("sleeper").get(0));

        fired.forEach(f -> assertEquals(Outcome.OK, f.result().join().outcome()));
        faas.flush(); // listeners hear of invocations on the engine's writer thread
        assertTrue(results.stream().anyMatch(r -> r.outcome() == Outcome.THROTTLED), results::toString);
        assertEquals(3, results.stream().filter(r -> r.outcome() == Outcome.OK).count());
        assertTrue(log.isEmpty(), log::toString);
    }

    private void start(Path jar) throws IOException {
        start(jar, FAST_RETRIES);
    }

    private void start(Path jar, RetryPolicy retries) throws IOException {
        Files.copy(jar, functions.resolve(jar.getFileName()));
        // 10 s rather than the samples' 3 s: these tests time firings, and a cold start on a loaded machine must not
        // turn a firing into a timeout.
        faas = LocalFaas.open(RuntimeConfig.forDirectory(functions), f -> schedules.containsKey(f.name())
                ? withSchedules(f, schedules.get(f.name())).withLimits(f.memoryMb(), Math.max(10, f.timeoutSeconds()))
                : f);
        faas.addListener(results::add);
        scheduler = new Scheduler(faas, faas.functions(), TimeSource.system(),
                SchedulerConfig.defaults().withRetries(retries).withLog(log::add)).start();
    }

    private static Instant scheduledTime(InvocationResult tick) {
        // Tick answers "tick at <event time>", the time Joda read from the event's "time"
        String answer = new String(tick.payload(), StandardCharsets.UTF_8);
        return Instant.parse(answer.substring(answer.indexOf("at ") + 3, answer.length() - 1));
    }

    private static FunctionSpec withSchedules(FunctionSpec f, ScheduleSpec... schedules) {
        return new FunctionSpec(f.name(), f.jar(), f.handler(), f.memoryMb(), f.timeoutSeconds(), f.concurrency(),
                f.environment(), f.inputType(), f.httpRoutes(), List.of(schedules), f.queues());
    }
}
