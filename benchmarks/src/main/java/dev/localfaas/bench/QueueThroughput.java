package dev.localfaas.bench;

import dev.localfaas.runtime.execution.Engine;
import dev.localfaas.runtime.execution.LogSink;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.QueueSpec;
import dev.localfaas.runtime.trigger.queue.OutgoingMessage;
import dev.localfaas.runtime.trigger.queue.QueueConsumers;
import dev.localfaas.runtime.trigger.queue.QueueSettings;
import dev.localfaas.runtime.trigger.queue.QueueStats;
import dev.localfaas.runtime.trigger.queue.QueueStoreOptions;
import dev.localfaas.runtime.trigger.queue.ReceiveRequest;
import dev.localfaas.runtime.trigger.queue.ReceivedMessage;
import dev.localfaas.runtime.trigger.queue.SqliteQueueBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * Queue throughput, in messages per second, with durability on (WAL synced on every group commit) and off (synced at
 * checkpoints only): concurrent single-message sends, receive-and-delete in batches of 10, and end to end through
 * the real engine to a no-op handler with batch size 10 and 5 batches in flight, draining a backlog and while 64
 * threads keep sending. {@code -Donly=send|receive|e2e} runs one part, {@code -Dseconds=N} sets each measurement's
 * length, {@code -Dpollers=N} the batches in flight.
 *
 * <pre>java --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED \
 *   -cp benchmarks/target/benchmarks.jar dev.localfaas.bench.QueueThroughput</pre>
 */
public final class QueueThroughput {
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("seconds", 5));
    private static final String BODY = "{\"orderId\":\"0000000042\",\"amount\":19.99,\"currency\":\"EUR\"}";

    public static void main(String[] args) throws Exception {
        System.out.printf("%d CPUs, %s per measurement, %d-byte messages%n",
                Runtime.getRuntime().availableProcessors(), RUN, BODY.length());
        String only = System.getProperty("only", "");
        endToEnd(false, 0); // warm-up: JIT, the engine's cold start, SQLite's native library; not reported
        for (boolean durable : new boolean[] {true, false}) {
            String mode = durable ? "durable (sync every commit)" : "sync at checkpoint";
            if (only.isEmpty() || only.equals("send")) {
                for (int threads : new int[] {1, 16, 64}) {
                    System.out.printf("send, %-28s %3d threads: %,10.0f msg/s%n", mode, threads, sends(durable, threads));
                }
            }
            if (only.isEmpty() || only.equals("receive")) {
                System.out.printf("receive+delete (10/batch), %-28s: %,10.0f msg/s%n", mode, receives(durable));
            }
            if (only.isEmpty() || only.equals("e2e")) {
                System.out.printf("end to end, backlog,       %-28s: %,10.0f msg/s%n", mode, endToEnd(durable, 0));
                System.out.printf("end to end, 64 senders,    %-28s: %,10.0f msg/s%n", mode, endToEnd(durable, 64));
            }
        }
    }

    private static SqliteQueueBackend open(boolean durable) throws Exception {
        Path dir = Files.createTempDirectory("faas-queue-bench");
        return SqliteQueueBackend.open(dir.resolve("queues.db"),
                QueueStoreOptions.DEFAULTS.withSyncEveryCommit(durable), notice -> System.out.println(notice));
    }

    private static double sends(boolean durable, int threads) throws Exception {
        try (SqliteQueueBackend queues = open(durable)) {
            LongAdder sent = new LongAdder();
            double seconds = runFor(threads, stop -> {
                while (!stop.get()) {
                    queues.send("bench", OutgoingMessage.of(BODY));
                    sent.increment();
                }
            });
            return sent.sum() / seconds;
        }
    }

    private static double receives(boolean durable) throws Exception {
        try (SqliteQueueBackend queues = open(durable)) {
            prefill(queues, 300_000);
            LongAdder done = new LongAdder();
            double seconds = runFor(4, stop -> {
                while (!stop.get()) {
                    List<ReceivedMessage> got = queues.receive(ReceiveRequest.of("bench", 10, Duration.ofMinutes(5)),
                            Duration.ZERO);
                    queues.delete("bench", got.stream().map(ReceivedMessage::receiptHandle).toList());
                    done.add(got.size());
                }
            });
            return done.sum() / seconds;
        }
    }

    /** Drains a backlog (senders = 0) or consumes while senders send, through the engine's no-op handler. */
    private static double endToEnd(boolean durable, int senders) throws Exception {
        Path fixtures = BenchFunctions.samples().resolveSibling("test-functions").resolve("fixtures-behaviour.jar");
        Path state = Files.createTempDirectory("faas-bench");
        FunctionSpec noop = new FunctionSpec("noop", fixtures, "fixtures.behaviour.Noop::run", 128, 3, 0, Map.of(), "",
                List.of(), List.of(), List.of(new QueueSpec("bench", 10, 0, 0, "", 30)));
        RuntimeConfig config = RuntimeConfig.forDirectory(state).withStateDir(state).withLogSink(LogSink.NONE);
        try (Engine engine = new Engine(config); SqliteQueueBackend queues = open(durable)) {
            engine.deploy(List.of(noop));
            long backlog = senders == 0 ? 200_000 : 0;
            prefill(queues, (int) backlog);
            LongAdder sent = new LongAdder();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> threads = IntStream.range(0, senders).mapToObj(i -> new Thread(() -> {
                while (!stop.get()) {
                    queues.send("bench", OutgoingMessage.of(BODY));
                    sent.increment();
                }
            })).toList();
            long start = System.nanoTime();
            threads.forEach(Thread::start);
            try (QueueConsumers consumers = new QueueConsumers(queues, engine, new QueueSettings(config.region(), config.accountId(), Integer.getInteger("pollers", 5), Duration.ofSeconds(1)), n -> { })) {
                consumers.start(List.of(noop));
                long deadline = start + RUN.toNanos() * (senders == 0 ? 10 : 1);
                // Samples progress every 20 ms: a benchmark's clock, not a test waiting for an outcome.
                while (System.nanoTime() < deadline && (senders > 0 || remaining(queues) > 0)) {
                    Thread.sleep(20);
                }
                stop.set(true);
                for (Thread t : threads) {
                    t.join();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long consumed = backlog + sent.sum() - remaining(queues);
                return consumed / seconds;
            }
        }
    }

    private static long remaining(SqliteQueueBackend queues) {
        return queues.stats().stream().mapToLong(QueueStats::total).sum();
    }

    private static void prefill(SqliteQueueBackend queues, int n) {
        List<OutgoingMessage> chunk = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            chunk.add(OutgoingMessage.of(BODY));
        }
        for (int i = 0; i < n; i += chunk.size()) {
            queues.sendAll("bench", chunk);
        }
    }

    private interface Worker {
        void run(AtomicBoolean stop) throws Exception;
    }

    private static double runFor(int threads, Worker worker) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> all = IntStream.range(0, threads).mapToObj(i -> new Thread(() -> {
            try {
                worker.run(stop);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toList();
        long start = System.nanoTime();
        all.forEach(Thread::start);
        Thread.sleep(RUN.toMillis());
        stop.set(true);
        for (Thread t : all) {
            t.join();
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
