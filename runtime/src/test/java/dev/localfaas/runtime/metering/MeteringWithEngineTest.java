package dev.localfaas.runtime.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.Samples;
import dev.localfaas.runtime.execution.Invocation;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.execution.Trigger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger, the live report and the Prometheus counters listening to the real engine running a sample JAR. */
class MeteringWithEngineTest {
    @TempDir
    Path state;

    @Test
    void concurrentInvocationsAreEachRecordedOnceEverywhere() throws Exception {
        RuntimeConfig config = RuntimeConfig.forDirectory(Samples.functions()).withStateDir(state);
        LiveUsage live = new LiveUsage(PriceBook.builtIn(), ReportOptions.defaults());
        PrometheusMetrics metrics = new PrometheusMetrics();
        int threads = 8;
        int each = 25;
        try (LocalFaas faas = LocalFaas.open(config);
             UsageLedger ledger = UsageLedger.open(config.stateDir(), w -> { })) {
            faas.addListener(ledger);
            faas.addListener(live);
            faas.addListener(metrics);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        faas.invoke("hello", Invocation.of("{\"name\":\"meter\"}".getBytes(StandardCharsets.UTF_8),
                                Trigger.HTTP));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            faas.flush(); // listeners are told on the engine's writer thread, after each caller was answered
        }

        List<UsageRecord> records = UsageReader.readAll(UsageLedger.fileIn(state));
        assertEquals(threads * each, records.size());
        for (UsageRecord r : records) {
            assertEquals((long) Math.ceil(r.durationMs() + r.initMs()), r.billedMs(), "billed = ceil(duration + init)");
            assertEquals("http", r.trigger());
            assertEquals("ok", r.outcome().id());
        }
        long cold = records.stream().filter(UsageRecord::coldStart).count();
        assertTrue(cold >= 1 && cold <= threads, cold + " cold starts for " + threads + " concurrent callers");

        FunctionReport hello = live.report().functions().get(0);
        assertEquals(threads * each, hello.invocations());
        assertEquals(cold, hello.coldStarts());
        assertEquals(records.stream().mapToLong(UsageRecord::billedMs).sum(), hello.billedMs());
        assertTrue(metrics.render().contains("faas_invocations_total{function=\"hello\"} " + threads * each + "\n"));
        assertTrue(metrics.render().contains("faas_cold_starts_total{function=\"hello\"} " + cold + "\n"));
    }
}
