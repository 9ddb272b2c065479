package dev.localfaas.runtime.trigger.queue;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.Samples;
import dev.localfaas.runtime.execution.Engine;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.QueueSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real engine runs the orders-worker sample JAR (SQSEvent in, SQSBatchResponse out) off a queue. */
class QueueWithEngineTest {

    @TempDir
    Path state;
    Engine engine;
    SqliteQueueBackend queues;
    QueueConsumers consumers;
    final List<InvocationResult> invocations = new CopyOnWriteArrayList<>();
    final List<String> logLines = new CopyOnWriteArrayList<>();
    final List<String> notices = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        RuntimeConfig config = RuntimeConfig.forDirectory(Samples.functions()).withStateDir(state)
                .withLogSink((fn, line) -> logLines.add(line));
        engine = new Engine(config);
        engine.addListener(invocations::add);
        // As discovery reads OrdersWorker's annotations, with a dead-letter queue and short timeouts for the test.
        FunctionSpec worker = new FunctionSpec("orders-worker", Samples.functions().resolve("orders-worker.jar"),
                "example.OrdersWorker", 128, 1, 0, Map.of(), "com.amazonaws.services.lambda.runtime.events.SQSEvent",
                List.of(), List.of(), List.of(new QueueSpec("orders", 5, 0, 2, "orders-dlq", 1)));
        engine.deploy(List.of(worker));
        queues = SqliteQueueBackend.open(state.resolve("queues.db"),
                QueueStoreOptions.DEFAULTS.withPollInterval(Duration.ofMillis(50)), notices::add);
        consumers = new QueueConsumers(queues, engine, QueueSettings.from(config), notices::add);
        consumers.start(engine.functions());
    }

    @AfterEach
    void stop() {
        consumers.close();
        queues.close();
        engine.close();
    }

    @Test
    void theSampleWorkerProcessesGoodOrdersAndItsPoisonMessageEndsInTheDeadLetterQueue() {
        queues.sendAll("orders", List.of(OutgoingMessage.of("order 1"), OutgoingMessage.of("poison order"),
                OutgoingMessage.of("order 2")));

        await().atMost(Duration.ofSeconds(20)).until(() -> queues.peek("orders-dlq", 10).size() == 1);
        await().until(() -> queues.stats().stream().filter(s -> s.name().equals("orders")).findFirst().orElseThrow()
                .total() == 0);

        assertEquals("poison order", queues.peek("orders-dlq", 10).get(0).body());
        assertTrue(invocations.stream().allMatch(r -> r.trigger() == Trigger.QUEUE && r.outcome() == Outcome.OK),
                invocations.toString());
        assertEquals(1, logLines.stream().filter(l -> l.contains("processed message") && l.contains(": order 1"))
                .count(), logLines.toString());
        assertEquals(2, logLines.stream().filter(l -> l.contains("cannot process message")).count(), logLines.toString());
    }
}
