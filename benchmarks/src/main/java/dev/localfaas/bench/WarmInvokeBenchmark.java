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
 * The runtime's overhead around a trivial handler on a warm environment: hand-off to the handler thread, Context,
 * environment and output scoping, the log lines, the result. {@code raw} is a stream handler (no JSON);
 * {@code noop} a method handler reading {@code {}} into a Map and answering {@code null}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.util=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED"})
public class WarmInvokeBenchmark {

    private static final byte[] EVENT = "{}".getBytes(StandardCharsets.UTF_8);

    private Engine engine;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Path fixtures = BenchFunctions.samples().resolveSibling("test-functions").resolve("fixtures-behaviour.jar");
        Path state = Files.createTempDirectory("faas-bench");
        engine = new Engine(RuntimeConfig.forDirectory(state).withStateDir(state).withLogSink(LogSink.NONE));
        engine.deploy(List.of(
                BenchFunctions.spec("noop", fixtures, "fixtures.behaviour.Noop::run"),
                BenchFunctions.spec("raw", fixtures, "fixtures.behaviour.RawStream::handle"),
                BenchFunctions.spec("hello", BenchFunctions.samples().resolve("hello.jar"), "example.Hello")));
    }

    @TearDown(Level.Trial)
    public void stop() {
        engine.close();
    }

    @Benchmark
    public InvocationResult noop() {
        return engine.invoke("noop", Invocation.of(EVENT, Trigger.CLI));
    }

    @Benchmark
    public InvocationResult raw() {
        return engine.invoke("raw", Invocation.of(EVENT, Trigger.CLI));
    }

    @Benchmark
    public InvocationResult hello() {
        return engine.invoke("hello", Invocation.of(EVENT, Trigger.CLI));
    }
}
