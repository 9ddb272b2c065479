package dev.localfaas.bench;

import dev.localfaas.runtime.execution.Engine;
import dev.localfaas.runtime.execution.Invocation;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.LogSink;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.execution.Trigger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cold start of the hello sample inside a running JVM: a new execution environment (classloader, class load and
 * static init, constructor, serializers) and its first invocation. Each operation deploys the function under a new
 * name, so every invocation is cold.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.util=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED"})
public class ColdStartBenchmark {

    private static final byte[] EVENT = "{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8);

    private Engine engine;
    private Path jar;
    private long sequence;

    @Setup(Level.Trial)
    public void start() throws Exception {
        jar = BenchFunctions.samples().resolve("hello.jar");
        Path state = Files.createTempDirectory("faas-bench");
        engine = new Engine(RuntimeConfig.forDirectory(state).withStateDir(state).withLogSink(LogSink.NONE));
    }

    @TearDown(Level.Trial)
    public void stop() {
        engine.close();
    }

    @Benchmark
    public InvocationResult coldStartAndFirstInvoke() {
        String name = "hello-" + sequence++;
        engine.deploy(List.of(BenchFunctions.spec(name, jar, "example.Hello")));
        InvocationResult result = engine.invoke(name, Invocation.of(EVENT, Trigger.CLI));
        if (!result.coldStart()) {
            throw new IllegalStateException("expected a cold start");
        }
        return result;
    }
}
