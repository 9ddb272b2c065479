package dev.localfaas.runtime.trigger.schedule;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.Samples;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.RetryPolicy;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.ScheduleSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Firing accuracy: how late tick.jar's handler starts after each scheduled second of {@code rate(1 second)}, on the
 * real clock and the real engine. Slow (one firing a second), so run on purpose:
 * {@code mvn -o -pl runtime -am test -Dtest=SchedulerAccuracyBenchmark -Dfaas.excludedGroups=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfaas.bench.firings=300}.
 */
@Tag("benchmark")
class SchedulerAccuracyBenchmark {

    @TempDir
    Path functions;

    @Test
    void latenessOfRateOneSecond() throws Exception {
        int firings = Integer.getInteger("faas.bench.firings", 300);
        Files.copy(Samples.functions().resolve("tick.jar"), functions.resolve("tick.jar"));
        ConcurrentLinkedQueue<InvocationResult> results = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> wakeMicros = new ConcurrentLinkedQueue<>();
        try (LocalFaas faas = LocalFaas.open(RuntimeConfig.forDirectory(functions), SchedulerAccuracyBenchmark::everySecond);
             Scheduler scheduler = new Scheduler(faas, faas.functions(), timingWakeUps(TimeSource.system(), wakeMicros),
                     SchedulerConfig.defaults().withRetries(RetryPolicy.NONE))) {
            faas.addListener(results::add);
            scheduler.start();
            await().atMost(Duration.ofSeconds(firings + 30L)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> results.size() >= firings);
        }
        List<InvocationResult> measured = results.stream().limit(firings).toList();
        measured.forEach(r -> assertEquals(Outcome.OK, r.outcome()));
        // the first firing also pays the cold start (the handler starts after init): reported apart
        long[] lateMicros = measured.stream().skip(1).mapToLong(SchedulerAccuracyBenchmark::lateMicros).sorted()
                .toArray();
        System.out.printf("rate(1 second), %d warm firings on %s (%d CPUs), Java %s: lateness p50 %.2f ms, p90 %.2f ms, "
                        + "p99 %.2f ms, max %.2f ms; first (cold) firing %.2f ms%n", lateMicros.length,
                System.getProperty("os.name"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), pct(lateMicros, 50), pct(lateMicros, 90), pct(lateMicros, 99),
                lateMicros[lateMicros.length - 1] / 1000.0, lateMicros(measured.get(0)) / 1000.0);
        long[] wakes = wakeMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("  of which the timer waking late: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                pct(wakes, 50), pct(wakes, 90), pct(wakes, 99), wakes[wakes.length - 1] / 1000.0);
    }

    /** The system time source, noting how late each task starts against its moment. */
    private static TimeSource timingWakeUps(TimeSource system, ConcurrentLinkedQueue<Long> wakeMicros) {
        return new TimeSource() {
            @Override
            public Instant now() {
                return system.now();
            }

            @Override
            public Timer runAt(Instant when, Runnable task) {
                return system.runAt(when, () -> {
                    wakeMicros.add(Duration.between(when, system.now()).toNanos() / 1000);
                    task.run();
                });
            }

            @Override
            public void close() {
                system.close();
            }
        };
    }

    private static FunctionSpec everySecond(FunctionSpec f) {
        return new FunctionSpec(f.name(), f.jar(), f.handler(), f.memoryMb(), f.timeoutSeconds(), f.concurrency(),
                f.environment(), f.inputType(), f.httpRoutes(), List.of(new ScheduleSpec("rate(1 second)", "", true)),
                f.queues());
    }

    private static long lateMicros(InvocationResult r) {
        return Duration.between(scheduled(r), r.start()).toNanos() / 1000;
    }

    private static Instant scheduled(InvocationResult tick) {
        String answer = new String(tick.payload(), StandardCharsets.UTF_8);
        return Instant.parse(answer.substring(answer.indexOf("at ") + 3, answer.length() - 1));
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
    }
}
