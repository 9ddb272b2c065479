package dev.localfaas.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What measuring an invocation's CPU time adds to the warm path: the engine reads the handler thread's CPU time
 * before and after the handler ({@code execution/InvocationRun}), two {@code getCurrentThreadCpuTime()} calls. Beside it,
 * the two reads it already made per invocation (wall clock, allocated bytes), for scale. The target is under 1 µs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CpuTimeBenchmark {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** The CPU-time measurement as the engine makes it: one read before the handler, one after. */
    @Benchmark
    public long cpuTimePair() {
        long before = THREADS.getCurrentThreadCpuTime();
        return THREADS.getCurrentThreadCpuTime() - before;
    }

    /** The wall-clock measurement every invocation already makes. */
    @Benchmark
    public long nanoTimePair() {
        long before = System.nanoTime();
        return System.nanoTime() - before;
    }

    /** The allocated-bytes measurement every invocation already makes. */
    @Benchmark
    public long allocatedBytesPair() {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}
