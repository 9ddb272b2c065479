package dev.localfaas.runtime.trigger.schedule;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.Samples;
import dev.localfaas.runtime.execution.Engine;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.RetryPolicy;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.function.FunctionDiscovery;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.ScheduleSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler on the real clock, driving the real engine over the real sample JARs. */
class SchedulerEngineTest {

    private static final RetryPolicy FAST_RETRIES = new RetryPolicy(List.of(Duration.ofMillis(50),
            Duration.ofMillis(100)));

    @TempDir
    Path state;

    private final ConcurrentLinkedQueue<InvocationResult> results = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
    private Engine engine;
    private Scheduler scheduler;

    @AfterEach
    void close() {
        if (scheduler != null) {
            scheduler.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void tickJarFiresEverySecondWithTheScheduledEventAWSWouldSend() {
        FunctionSpec tick = withSchedules(sample(Samples.functions(), "tick"), new ScheduleSpec("rate(1 second)", "",
                true));
        start(tick);

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
    void aRealFunctionErrorIsRetriedTwiceThenLoggedAsFailed() {
        FunctionSpec thrower = withSchedules(sample(Samples.testFunctions(), "thrower"),
                new ScheduleSpec("cron(0 9 ? * MON-FRI *)", "{}", true));
        start(thrower);

        FiredSchedule fired = scheduler.fireNow("thrower").get(0);

        assertEquals(Outcome.ERROR, fired.result().join().outcome());
        await().until(() -> log.size() == 1);
        assertEquals(3, results.size());
        results.forEach(r -> assertEquals(fired.requestId(), r.requestId()));
        assertEquals("thrower: cron(0 9 ? * MON-FRI *) firing at " + fired.scheduledTime() + " failed after 3 "
                + "attempts: error java.lang.IllegalStateException (request " + fired.requestId() + ")", log.peek());
    }

    @Test
    void firingsBeyondTheConcurrencyLimitAreThrottledThenRetried() {
        // sleeper allows 2 environments; three firings at once: the third is throttled, then runs on a retry
        FunctionSpec sleeper = withSchedules(sample(Samples.testFunctions(), "sleeper"),
                new ScheduleSpec("rate(1 day)", "{\"ms\":200}", true));
        start(sleeper, new RetryPolicy(List.of(Duration.ofMillis(600), Duration.ofMillis(1200))));

        List<FiredSchedule> fired = List.of(scheduler.fireNow("sleeper").get(0), scheduler.fireNow("sleeper").get(0),
                scheduler.fireNow("sleeper").get(0));

        fired.forEach(f -> assertEquals(Outcome.OK, f.result().join().outcome()));
        assertTrue(results.stream().anyMatch(r -> r.outcome() == Outcome.THROTTLED), results::toString);
        assertEquals(3, results.stream().filter(r -> r.outcome() == Outcome.OK).count());
        assertTrue(log.isEmpty(), log::toString);
    }

    private void start(FunctionSpec function) {
        start(function, FAST_RETRIES);
    }

    private void start(FunctionSpec function, RetryPolicy retries) {
        engine = new Engine(RuntimeConfig.forDirectory(state).withStateDir(state));
        engine.deploy(List.of(function));
        engine.addListener(results::add);
        scheduler = new Scheduler(engine, engine.functions(), TimeSource.system(),
                SchedulerConfig.defaults().withRetries(retries).withLog(log::add)).start();
    }

    private static Instant scheduledTime(InvocationResult tick) {
        // Tick answers "tick at <event time>", the time Joda read from the event's "time"
        String answer = new String(tick.payload(), StandardCharsets.UTF_8);
        return Instant.parse(answer.substring(answer.indexOf("at ") + 3, answer.length() - 1));
    }

    private static FunctionSpec sample(Path dir, String name) {
        return FunctionDiscovery.scan(dir).find(name).orElseThrow(() -> new AssertionError(name + " not in " + dir));
    }

    private static FunctionSpec withSchedules(FunctionSpec f, ScheduleSpec... schedules) {
        return new FunctionSpec(f.name(), f.jar(), f.handler(), f.memoryMb(), f.timeoutSeconds(), f.concurrency(),
                f.environment(), f.inputType(), f.httpRoutes(), List.of(schedules), f.queues());
    }
}
