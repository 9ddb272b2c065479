package dev.localfaas.runtime.trigger.schedule;

import dev.localfaas.runtime.execution.AsyncInvoker;
import dev.localfaas.runtime.execution.FunctionInvoker;
import dev.localfaas.runtime.execution.Invocation;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.function.FunctionSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fires functions on their {@code @ScheduleTrigger} schedules, as EventBridge rules do: each firing is one
 * asynchronous invocation ({@link Trigger#SCHEDULE}) with the scheduled event (or the constant input), retried twice
 * on failure and then logged. A firing never waits for the previous one: if that still runs, the invoker starts
 * another environment, or throttles at the concurrency limit (and a throttled firing is retried).
 *
 * <p>Lifecycle: construct (validates every schedule), {@link #start()}, {@link #update(List)} on hot reload,
 * {@link #close()}.
 */
public final class Scheduler implements AutoCloseable {

    private static final int LISTED_FIRINGS = 3;

    private final TimeSource time;
    private final SchedulerConfig config;
    private final ScheduledEventFactory events;
    private final ExecutorService attempts;
    private final AsyncInvoker async;
    private final Map<String, ArmedSchedule> schedules = new LinkedHashMap<>();
    private boolean started;
    private boolean closed;

    /**
     * Validates the functions' schedules; nothing fires before {@link #start()}.
     *
     * @param time the clock to fire by: {@link TimeSource#system()}, or one a test moves; closed with the scheduler
     * @throws ScheduleExpressionException for the first schedule that cannot run, naming its function and JAR
     */
    public Scheduler(FunctionInvoker invoker, List<FunctionSpec> functions, TimeSource time, SchedulerConfig config) {
        ScheduleEntry.Plan plan = ScheduleEntry.plan(functions);
        if (!plan.problems().isEmpty()) {
            throw plan.problems().get(0);
        }
        this.time = time;
        this.config = config;
        this.events = new ScheduledEventFactory(config.region(), config.account());
        AtomicInteger threads = new AtomicInteger();
        this.attempts = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "faas-schedule-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.async = new AsyncInvoker(invoker, config.retries(), result -> { }, attempts, AsyncInvoker.DEFAULT_CAPACITY);
        plan.entries().forEach(e -> schedules.put(e.key(), armed(e)));
    }

    /** Starts every enabled schedule now: a rate's first firing is one period after the next whole second. */
    public synchronized Scheduler start() {
        requireOpen();
        if (!started) {
            started = true;
            Instant anchor = anchor();
            schedules.values().forEach(s -> s.start(anchor));
        }
        return this;
    }

    /**
     * Replaces the function set after a hot reload: unchanged schedules keep running undisturbed (a rate keeps its
     * phase), changed and new ones start now, removed ones stop. A schedule that cannot run is left out and
     * reported, and every other one still runs.
     *
     * @return one line per schedule that cannot run, naming the function, the expression and the fix
     */
    public synchronized List<String> update(List<FunctionSpec> functions) {
        requireOpen();
        ScheduleEntry.Plan plan = ScheduleEntry.plan(functions);
        Map<String, ArmedSchedule> previous = new LinkedHashMap<>(schedules);
        schedules.clear();
        Instant anchor = anchor();
        for (ScheduleEntry entry : plan.entries()) {
            ArmedSchedule old = previous.remove(entry.key());
            if (old != null && old.entry().spec().equals(entry.spec())) {
                schedules.put(entry.key(), old);
                continue;
            }
            if (old != null) {
                old.stop();
            }
            ArmedSchedule fresh = armed(entry);
            if (started) {
                fresh.start(anchor);
            }
            schedules.put(entry.key(), fresh);
        }
        previous.values().forEach(ArmedSchedule::stop);
        return plan.problems().stream().map(RuntimeException::getMessage).toList();
    }

    /**
     * Fires every schedule of {@code function} now (disabled ones too: asking is explicit), with the current second
     * as the event's {@code time}; for {@code POST /_faas/schedules/{function}/fire}.
     *
     * @throws NoSuchScheduleException when the function has no schedule
     */
    public List<FiredSchedule> fireNow(String function) {
        List<ScheduleEntry> targets = new ArrayList<>();
        LinkedHashSet<String> scheduled = new LinkedHashSet<>();
        synchronized (this) {
            requireOpen();
            for (ArmedSchedule s : schedules.values()) {
                scheduled.add(s.entry().function());
                if (s.entry().function().equals(function)) {
                    targets.add(s.entry());
                }
            }
        }
        if (targets.isEmpty()) {
            throw new NoSuchScheduleException(function, scheduled);
        }
        Instant now = time.now().truncatedTo(ChronoUnit.SECONDS);
        return targets.stream().map(e -> fire(e, now)).toList();
    }

    /** Every schedule with its next three firings, in declaration order, for {@code faas run}'s table. */
    public synchronized List<ScheduleInfo> describe() {
        Instant now = time.now();
        Instant anchor = anchor();
        return schedules.values().stream().map(s -> {
            ScheduleEntry e = s.entry();
            return new ScheduleInfo(e.function(), e.rule(), events.ruleArn(e.rule()), e.expression().text(),
                    e.spec().enabled(), e.spec().input() != null && !e.spec().input().isBlank(),
                    s.nextFirings(now, anchor, LISTED_FIRINGS), e.expression().warnings());
        }).toList();
    }

    /** Stops every timer and drops pending retries; invocations already running finish. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        schedules.values().forEach(ArmedSchedule::stop);
        time.close();
        async.close();
        attempts.shutdown();
    }

    private ArmedSchedule armed(ScheduleEntry entry) {
        return new ArmedSchedule(entry, time, this::fire, config.log());
    }

    private FiredSchedule fire(ScheduleEntry entry, Instant scheduled) {
        Invocation invocation = Invocation.of(events.payload(entry.spec(), entry.rule(), scheduled), Trigger.SCHEDULE);
        CompletableFuture<InvocationResult> result;
        try {
            result = async.submit(entry.function(), invocation);
        } catch (RuntimeException closing) {
            result = CompletableFuture.failedFuture(closing);
        }
        result.whenComplete((r, error) -> report(entry, scheduled, invocation.requestId(), r, error));
        return new FiredSchedule(entry.function(), entry.rule(), invocation.requestId(), scheduled, result);
    }

    private void report(ScheduleEntry entry, Instant scheduled, String requestId, InvocationResult r, Throwable error) {
        String firing = entry.function() + ": " + entry.expression().text() + " firing at " + scheduled;
        if (error != null) {
            config.log().accept(firing + " could not run: " + error.getMessage() + " (request " + requestId + ")");
        } else if (r.failed()) {
            int attempts = config.retries().maxRetries() + 1;
            config.log().accept(firing + " failed after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ": "
                    + r.outcome().id() + (r.errorType() == null ? "" : " " + r.errorType()) + " (request "
                    + requestId + ")");
        }
    }

    private Instant anchor() {
        Instant now = time.now();
        Instant second = now.truncatedTo(ChronoUnit.SECONDS);
        return second.equals(now) ? now : second.plusSeconds(1);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the scheduler is closed");
        }
    }
}
