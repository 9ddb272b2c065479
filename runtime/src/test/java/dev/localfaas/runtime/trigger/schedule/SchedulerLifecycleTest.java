package dev.localfaas.runtime.trigger.schedule;

import static dev.localfaas.runtime.trigger.schedule.RecordingInvoker.function;
import static dev.localfaas.runtime.trigger.schedule.RecordingInvoker.schedule;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.execution.RetryPolicy;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.ScheduleSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Starting, listing, firing by hand, reloading and stopping the scheduler. */
class SchedulerLifecycleTest {

    private static final Instant START = Instant.parse("2027-01-31T12:00:00Z");

    private final ManualTimeSource clock = new ManualTimeSource(START);
    private Scheduler scheduler;

    @AfterEach
    void close() {
        if (scheduler != null) {
            scheduler.close();
        }
    }

    @Test
    void anInvalidExpressionIsAStartupErrorNamingTheFunctionAndItsJar() {
        RecordingInvoker invoker = new RecordingInvoker(function("ok", schedule("rate(1 minute)")),
                function("report", schedule("cron(0 12 * * * *)")));
        ScheduleExpressionException e = assertThrows(ScheduleExpressionException.class, () -> scheduler(invoker));
        assertEquals("function report (report.jar): cron(0 12 * * * *): day-of-month and day-of-week cannot both be "
                + "specified; use ? in one of them", e.getMessage());
    }

    @Test
    void anInputThatIsNotJsonIsAStartupError() {
        RecordingInvoker invoker = new RecordingInvoker(
                function("cleanup", new ScheduleSpec("rate(1 hour)", "not json", true)));
        ScheduleExpressionException e = assertThrows(ScheduleExpressionException.class, () -> scheduler(invoker));
        assertTrue(e.getMessage().startsWith("function cleanup (cleanup.jar): rate(1 hour): the constant input is not "
                + "valid JSON ("), e.getMessage());
    }

    @Test
    void nothingFiresBeforeStart() {
        RecordingInvoker invoker = new RecordingInvoker(function("tick", schedule("rate(1 minute)")));
        scheduler = scheduler(invoker);
        clock.advance(Duration.ofMinutes(5));
        assertTrue(clock.nextDue().isEmpty());
        assertTrue(invoker.calls().isEmpty());
    }

    @Test
    void describeListsEachScheduleWithItsNextThreeFirings() {
        RecordingInvoker invoker = new RecordingInvoker(
                function("report", schedule("cron(0 9 ? * MON-FRI *)"), new ScheduleSpec("cron(0 0 1 * ? *)", "{}",
                        false)),
                function("tick", schedule("rate(1 second)")),
                function("old", schedule("cron(15 10 ? * 6L 2019-2022)")));
        scheduler = scheduler(invoker).start();
        clock.advance(Duration.ofMillis(2500));

        List<ScheduleInfo> infos = scheduler.describe();

        assertEquals(new ScheduleInfo("report", "report-schedule",
                "arn:aws:events:us-east-1:123456789012:rule/report-schedule", "cron(0 9 ? * MON-FRI *)", true, false,
                List.of(Instant.parse("2027-02-01T09:00:00Z"), Instant.parse("2027-02-02T09:00:00Z"),
                        Instant.parse("2027-02-03T09:00:00Z")), List.of()), infos.get(0));
        assertEquals(new ScheduleInfo("report", "report-schedule-2",
                "arn:aws:events:us-east-1:123456789012:rule/report-schedule-2", "cron(0 0 1 * ? *)", false, true,
                List.of(), List.of()), infos.get(1));
        assertEquals(List.of(START.plusSeconds(3), START.plusSeconds(4), START.plusSeconds(5)),
                infos.get(2).nextFirings());
        assertEquals(List.of(), infos.get(3).nextFirings());
    }

    @Test
    void theStartupTableShowsUtcAndLocalTimes() {
        RecordingInvoker invoker = new RecordingInvoker(
                function("report", schedule("cron(0 9 ? * MON-FRI *)")),
                function("nightly", new ScheduleSpec("cron(0 2 * * ? *)", "", false)),
                function("old", schedule("cron(15 10 ? * 6L 2019-2022)")));
        scheduler = scheduler(invoker);

        List<String> table = ScheduleTable.render(scheduler.describe(), ZoneId.of("Europe/Paris"));

        assertEquals(List.of(
                "Schedules (UTC; local time in Europe/Paris):",
                "  report   cron(0 9 ? * MON-FRI *)",
                "             2027-02-01T09:00:00Z  Mon 2027-02-01 10:00:00 CET",
                "             2027-02-02T09:00:00Z  Tue 2027-02-02 10:00:00 CET",
                "             2027-02-03T09:00:00Z  Wed 2027-02-03 10:00:00 CET",
                "  nightly  cron(0 2 * * ? *)  disabled: listed, never fired",
                "  old      cron(15 10 ? * 6L 2019-2022)",
                "             never fires again"), table);
    }

    @Test
    void fireNowFiresEveryScheduleOfTheFunctionAtOnceEvenADisabledOne() {
        RecordingInvoker invoker = new RecordingInvoker(
                function("report", schedule("cron(0 9 ? * MON-FRI *)"), new ScheduleSpec("cron(0 0 1 * ? *)", "",
                        false)));
        scheduler = scheduler(invoker).start();
        clock.advance(Duration.ofMillis(1500));

        List<FiredSchedule> fired = scheduler.fireNow("report");

        assertEquals(List.of("report-schedule", "report-schedule-2"), fired.stream().map(FiredSchedule::rule).toList());
        fired.forEach(f -> assertEquals(START.plusSeconds(1), f.scheduledTime()));
        fired.forEach(f -> f.result().join());
        assertEquals(List.of("2027-01-31T12:00:01Z", "2027-01-31T12:00:01Z"),
                invoker.calls().stream().map(c -> c.event().get("time").asText()).toList());
        assertEquals(fired.stream().map(FiredSchedule::requestId).sorted().toList(),
                invoker.calls().stream().map(c -> c.invocation().requestId()).sorted().toList());
    }

    @Test
    void fireNowOnAFunctionWithoutScheduleNamesTheOnesThatHaveOne() {
        RecordingInvoker invoker = new RecordingInvoker(function("report", schedule("rate(1 day)")),
                function("tick", schedule("rate(1 minute)")), function("plain"));
        scheduler = scheduler(invoker);

        assertEquals("function 'plain' has no schedule; functions with schedules: report, tick",
                assertThrows(NoSuchScheduleException.class, () -> scheduler.fireNow("plain")).getMessage());
        try (Scheduler none = new Scheduler(invoker, List.of(), clock, SchedulerConfig.defaults())) {
            assertEquals("function 'x' has no schedule; no function has one (add @ScheduleTrigger(\"rate(5 minutes)\") "
                    + "to a handler)", assertThrows(NoSuchScheduleException.class, () -> none.fireNow("x")).getMessage());
        }
    }

    @Test
    void reloadAddsChangesAndRemovesSchedulesAndKeepsUnchangedOnesInPhase() {
        FunctionSpec keep = function("keep", schedule("rate(10 minutes)"));
        FunctionSpec change = function("change", schedule("rate(10 minutes)"));
        FunctionSpec remove = function("remove", schedule("rate(10 minutes)"));
        RecordingInvoker invoker = new RecordingInvoker(keep, change, remove, function("add",
                schedule("rate(10 minutes)")));
        scheduler = scheduler(invoker, List.of(keep, change, remove)).start();
        clock.advance(Duration.ofMinutes(3));

        List<String> problems = scheduler.update(List.of(keep, function("change", schedule("rate(20 minutes)")),
                function("add", schedule("rate(10 minutes)"))));

        assertEquals(List.of(), problems);
        assertEquals(List.of(START.plus(Duration.ofMinutes(10))), next(scheduler, "keep"));
        assertEquals(List.of(START.plus(Duration.ofMinutes(23))), next(scheduler, "change"));
        assertEquals(List.of(START.plus(Duration.ofMinutes(13))), next(scheduler, "add"));
        assertEquals(List.of("keep", "change", "add"), scheduler.describe().stream().map(ScheduleInfo::function)
                .toList());
        clock.advance(Duration.ofMinutes(30));
        await().until(() -> invoker.calls().size() == 3 + 1 + 3);
        assertEquals(0, invoker.calls("remove").size());
    }

    @Test
    void aScheduleBrokenByAReloadIsReportedAndTheOthersKeepFiring() {
        FunctionSpec tick = function("tick", schedule("rate(1 minute)"));
        RecordingInvoker invoker = new RecordingInvoker(tick, function("report"));
        scheduler = scheduler(invoker, List.of(tick)).start();

        List<String> problems = scheduler.update(List.of(tick, function("report", schedule("cron(0 9 * * MON *)"))));

        assertEquals(List.of("function report (report.jar): cron(0 9 * * MON *): day-of-month and day-of-week cannot "
                + "both be specified; use ? in one of them"), problems);
        clock.advance(Duration.ofMinutes(2));
        await().until(() -> invoker.calls("tick").size() == 2);
    }

    @Test
    void closeStopsEveryTimerAndIsIdempotent() {
        RecordingInvoker invoker = new RecordingInvoker(function("tick", schedule("rate(1 minute)")));
        scheduler = scheduler(invoker).start();
        scheduler.close();
        scheduler.close();
        clock.advance(Duration.ofMinutes(5));
        assertTrue(invoker.calls().isEmpty());
        assertThrows(IllegalStateException.class, () -> scheduler.fireNow("tick"));
    }

    private static List<Instant> next(Scheduler scheduler, String function) {
        return scheduler.describe().stream().filter(i -> i.function().equals(function)).findFirst().orElseThrow()
                .nextFirings().subList(0, 1);
    }

    private Scheduler scheduler(RecordingInvoker invoker) {
        return scheduler(invoker, invoker.functions());
    }

    private Scheduler scheduler(RecordingInvoker invoker, List<FunctionSpec> functions) {
        return new Scheduler(invoker, functions, clock, SchedulerConfig.defaults().withRetries(RetryPolicy.NONE));
    }
}
