package dev.localfaas.runtime.trigger.schedule;

import static dev.localfaas.runtime.trigger.schedule.RecordingInvoker.function;
import static dev.localfaas.runtime.trigger.schedule.RecordingInvoker.schedule;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.RetryPolicy;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.function.ScheduleSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scheduler on a clock the test moves: what fires when, with what, and what happens on failure. */
class SchedulerTest {

    private static final Instant FRIDAY_8AM = Instant.parse("2027-01-29T08:00:00Z");

    private final ManualTimeSource clock = new ManualTimeSource(FRIDAY_8AM);
    private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
    private Scheduler scheduler;

    @AfterEach
    void close() {
        if (scheduler != null) {
            scheduler.close();
        }
    }

    @Test
    void firesAtNineOnWeekdaysOnly() {
        RecordingInvoker invoker = new RecordingInvoker(function("report", schedule("cron(0 9 ? * MON-FRI *)")));
        start(invoker, RetryPolicy.NONE);

        clock.advanceTo(Instant.parse("2027-02-02T08:59:59Z"));

        await().until(() -> invoker.calls().size() == 2);
        // Firings run concurrently, as EventBridge's do, so they may arrive in either order.
        assertEquals(java.util.Set.of(Instant.parse("2027-01-29T09:00:00Z"), Instant.parse("2027-02-01T09:00:00Z")),
                java.util.Set.copyOf(invoker.calls().stream().map(RecordingInvoker.Call::eventTime).toList()));
        assertEquals(Instant.parse("2027-02-02T09:00:00Z"), clock.nextDue().orElseThrow());
    }

    @Test
    void eachFiringIsOneScheduleInvocationCarryingTheScheduledEvent() {
        RecordingInvoker invoker = new RecordingInvoker(function("report", schedule("cron(0 9 ? * MON-FRI *)")));
        start(invoker, RetryPolicy.NONE);

        clock.advanceTo(Instant.parse("2027-01-29T09:00:00Z"));

        await().until(() -> invoker.calls().size() == 1);
        RecordingInvoker.Call call = invoker.calls().get(0);
        assertEquals("report", call.function());
        assertEquals(Trigger.SCHEDULE, call.invocation().trigger());
        assertEquals("Scheduled Event", call.event().get("detail-type").asText());
        assertEquals("2027-01-29T09:00:00Z", call.event().get("time").asText());
        assertEquals("arn:aws:events:eu-west-1:000000000042:rule/report-schedule",
                call.event().get("resources").get(0).asText());
    }

    @Test
    void aRateFiresOnePeriodAfterTheStartThenOnItsGridForADay() {
        ManualTimeSource odd = new ManualTimeSource(Instant.parse("2027-01-31T12:00:00.250Z"));
        RecordingInvoker invoker = new RecordingInvoker(function("tick", schedule("rate(5 minutes)")));
        scheduler = new Scheduler(invoker, invoker.functions(), odd, config(RetryPolicy.NONE)).start();

        odd.advance(Duration.ofDays(1).plusSeconds(1));

        await().until(() -> invoker.calls().size() == 288);
        Instant anchor = Instant.parse("2027-01-31T12:00:01Z");
        List<Instant> times = invoker.calls().stream().map(RecordingInvoker.Call::eventTime).sorted().toList();
        for (int k = 1; k <= 288; k++) {
            assertEquals(anchor.plus(Duration.ofMinutes(5L * k)), times.get(k - 1));
        }
    }

    @Test
    void aFiringDoesNotWaitForThePreviousOneToFinish() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        RecordingInvoker invoker = new RecordingInvoker(function("slow", schedule("rate(1 second)")))
                .answering(call -> {
                    running.incrementAndGet();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Outcome.OK;
                });
        start(invoker, RetryPolicy.NONE);

        clock.advance(Duration.ofSeconds(5));

        await().until(() -> running.get() == 5);
        release.countDown();
    }

    @Test
    void aFailedFiringIsRetriedTwiceWithTheSameRequestIdThenLoggedAsFailed() {
        RecordingInvoker invoker = new RecordingInvoker(function("flaky", schedule("cron(0 9 ? * MON-FRI *)")))
                .answering(call -> Outcome.ERROR);
        start(invoker, new RetryPolicy(List.of(Duration.ofMillis(10), Duration.ofMillis(20))));

        clock.advanceTo(Instant.parse("2027-01-29T09:00:00Z"));

        await().until(() -> !log.isEmpty());
        List<RecordingInvoker.Call> calls = invoker.calls();
        assertEquals(3, calls.size());
        assertEquals(1, calls.stream().map(c -> c.invocation().requestId()).distinct().count());
        assertEquals("flaky: cron(0 9 ? * MON-FRI *) firing at 2027-01-29T09:00:00Z failed after 3 attempts: error "
                + "java.lang.IllegalStateException (request " + calls.get(0).invocation().requestId() + ")",
                log.peek());
    }

    @Test
    void aFiringThatSucceedsOnRetryIsNotReportedAsFailed() {
        AtomicInteger attempts = new AtomicInteger();
        RecordingInvoker invoker = new RecordingInvoker(function("flaky", schedule("cron(0 9 ? * MON-FRI *)")))
                .answering(call -> attempts.incrementAndGet() < 3 ? Outcome.TIMEOUT : Outcome.OK);
        start(invoker, new RetryPolicy(List.of(Duration.ofMillis(10), Duration.ofMillis(20))));

        List<FiredSchedule> fired = scheduler.fireNow("flaky");

        assertEquals(Outcome.OK, fired.get(0).result().join().outcome());
        assertEquals(3, invoker.calls().size());
        assertTrue(log.isEmpty(), log::toString);
    }

    @Test
    void aDisabledScheduleIsListedButNeverFired() {
        RecordingInvoker invoker = new RecordingInvoker(
                function("off", new ScheduleSpec("rate(1 minute)", "", false)),
                function("on", schedule("rate(1 minute)")));
        start(invoker, RetryPolicy.NONE);

        clock.advance(Duration.ofMinutes(10));

        await().until(() -> invoker.calls("on").size() == 10);
        assertEquals(0, invoker.calls("off").size());
        ScheduleInfo off = scheduler.describe().get(0);
        assertEquals("off", off.function());
        assertEquals(false, off.enabled());
        assertEquals(List.of(), off.nextFirings());
    }

    @Test
    void aConstantInputIsDeliveredInsteadOfTheEvent() {
        RecordingInvoker invoker = new RecordingInvoker(
                function("cleanup", new ScheduleSpec("rate(1 hour)", "{\"job\":\"cleanup\"}", true)));
        start(invoker, RetryPolicy.NONE);

        clock.advance(Duration.ofHours(1));

        await().until(() -> invoker.calls().size() == 1);
        assertEquals("{\"job\":\"cleanup\"}", new String(invoker.calls().get(0).invocation().payload()));
    }

    @Test
    void aRateInSecondsIsWarnedAboutWhenItStarts() {
        start(new RecordingInvoker(function("tick", schedule("rate(1 second)"))), RetryPolicy.NONE);

        assertEquals(List.of("tick: rate(1 second): AWS rejects rates in seconds (the shortest is rate(1 minute)); it "
                + "runs here only so that you need not wait, so use minutes before you deploy"), List.copyOf(log));
    }

    @Test
    void firingsMissedByMoreThanAMinuteAreSkippedAndSaidSo() {
        RecordingInvoker invoker = new RecordingInvoker(function("tick", schedule("rate(1 second)")));
        start(invoker, RetryPolicy.NONE);
        log.clear();

        clock.jumpTo(FRIDAY_8AM.plus(Duration.ofHours(1)));

        // the overdue firing, then the last minute's worth, then nothing until the next second
        await().until(() -> invoker.calls().size() == 61);
        assertEquals(FRIDAY_8AM.plus(Duration.ofHours(1)).plusSeconds(1), clock.nextDue().orElseThrow());
        assertEquals(List.of("tick: rate(1 second) skipped the firings due from 2027-01-29T08:00:02Z to "
                + "2027-01-29T08:59:00Z; the scheduler was held up (a suspended machine?)"), List.copyOf(log));
    }

    private void start(RecordingInvoker invoker, RetryPolicy retries) {
        scheduler = new Scheduler(invoker, invoker.functions(), clock, config(retries)).start();
    }

    private SchedulerConfig config(RetryPolicy retries) {
        return SchedulerConfig.defaults().withAccount("eu-west-1", "000000000042").withRetries(retries)
                .withLog(log::add);
    }
}
