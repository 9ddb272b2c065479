package dev.localfaas.runtime.execution;

import dev.localfaas.runtime.Samples;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.Isolation;
import dev.localfaas.runtime.function.RuntimeSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cold start and warm latency of the sample hello function in both isolations, through the engine with its log on
 * (docs/benchmarks.md). Run with: mvn -pl runtime test -Dfaas.excludedGroups=none -Dgroups=benchmark
 * -Dtest=ProcessIsolationBenchmark
 */
@Tag("benchmark")
class ProcessIsolationBenchmark {

    static final int COLD = 5;
    static final int WARM = 500;

    @TempDir
    Path state;

    @Test
    void coldAndWarmInBothIsolations() {
        FunctionSpec hello = Samples.spec("hello", Samples.functions().resolve("hello.jar"), "example.Hello", 256, 30, 0,
                java.util.Map.of());
        for (Isolation isolation : Isolation.values()) {
            FunctionSpec spec = hello.withRuntime(new RuntimeSpec("java21", isolation));
            double[] cold = new double[COLD];
            double[] warm = new double[WARM];
            for (int c = 0; c < COLD; c++) {
                try (EngineFixture fixture = new EngineFixture(state.resolve(isolation.label() + c), spec)) {
                    long t0 = System.nanoTime();
                    fixture.invoke("hello", "{\"name\":\"bench\"}");
                    cold[c] = (System.nanoTime() - t0) / 1e6;
                    if (c == 0) {
                        for (int w = 0; w < WARM; w++) {
                            long t1 = System.nanoTime();
                            fixture.invoke("hello", "{\"name\":\"bench\"}");
                            warm[w] = (System.nanoTime() - t1) / 1e6;
                        }
                    }
                }
            }
            Arrays.sort(cold);
            Arrays.sort(warm);
            System.out.printf(Locale.ROOT, "%-11s cold p50 %8.1f ms  max %8.1f ms | warm p50 %6.3f ms  p99 %6.3f ms%n",
                    isolation.label(), cold[COLD / 2], cold[COLD - 1], warm[WARM / 2], warm[WARM * 99 / 100]);
        }
    }
}
