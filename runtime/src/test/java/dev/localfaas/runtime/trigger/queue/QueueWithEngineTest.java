package dev.localfaas.runtime.trigger.queue;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.Samples;
import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.QueueSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real runtime discovers and runs the orders-worker sample JAR (SQSEvent in, SQSBatchResponse out, fails bodies
 * containing "poison") off a queue.
 */
class QueueWithEngineTest {

    @TempDir
    Path functions;
    LocalFaas faas;
    SqliteQueueBackend queues;
    QueueConsumers consumers;
    final List<InvocationResult> invocations = new CopyOnWriteArrayList<>();
    final List<String> logLines = new CopyOnWriteArrayList<>();
    final List<String> notices = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Files.copy(Samples.functions().resolve("orders-worker.jar"), functions.resolve("orders-worker.jar"));
        RuntimeConfig config = RuntimeConfig.forDirectory(functions).withLogSink((fn, line) -> logLines.add(line));
        // Discovery reads @QueueTrigger(queue = "orders", batchSize = 5); the test adds a dead-letter queue and
        // shortens the timeouts so that a retry takes a second, not the default 30.
        faas = LocalFaas.open(config, spec -> new FunctionSpec(spec.name(), spec.jar(), spec.handler(), spec.memoryMb(),
                1, spec.concurrency(), spec.environment(), spec.inputType(), spec.httpRoutes(), spec.schedules(),
                spec.queues().stream().map(q -> new QueueSpec(q.queue(), q.batchSize(), q.maxBatchingWindowSeconds(),
                        2, "orders-dlq", 1)).toList()));
        faas.addListener(invocations::add);
        queues = SqliteQueueBackend.open(config.stateDir().resolve("queues.db"),
                QueueStoreOptions.DEFAULTS.withPollInterval(Duration.ofMillis(50)), notices::add);
        consumers = new QueueConsumers(queues, faas, QueueSettings.from(config), notices::add);
        consumers.start(faas.functions());
    }

    @AfterEach
    void stop() {
        consumers.close();
        queues.close();
        faas.close();
    }

    @Test
    void theSampleWorkerProcessesGoodOrdersAndItsPoisonMessageEndsInTheDeadLetterQueue() {
        queues.sendAll("orders", List.of(OutgoingMessage.of("order 1"), OutgoingMessage.of("poison order"),
                OutgoingMessage.of("order 2")));

        await().atMost(Duration.ofSeconds(20)).until(() -> queues.peek("orders-dlq", 10).size() == 1);
        await().until(() -> queues.stats().stream().filter(s -> s.name().equals("orders")).findFirst().orElseThrow()
                .total() == 0);

        ConsumerInfo worker = consumers.consumers().get(0);
        assertEquals(2, worker.deletedMessages());
        assertEquals(2, worker.failedMessages(), "the poison message failed on both receives");
        assertEquals(1, worker.deadLettered());
        assertEquals("poison order", queues.peek("orders-dlq", 10).get(0).body());
        assertTrue(invocations.stream().allMatch(r -> r.trigger() == Trigger.QUEUE && r.outcome() == Outcome.OK),
                invocations.toString());
        assertEquals(1, logLines.stream().filter(l -> l.contains("processed message") && l.contains(": order 1"))
                .count(), logLines.toString());
        assertEquals(2, logLines.stream().filter(l -> l.contains("cannot process message")).count(), logLines.toString());
    }
}
