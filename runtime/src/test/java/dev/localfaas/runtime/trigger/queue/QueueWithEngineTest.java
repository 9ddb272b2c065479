package dev.localfaas.runtime.trigger.queue;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.Samples;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.QueueSpec;
import dev.localfaas.runtime.gateway.Gateway;
import dev.localfaas.runtime.gateway.GatewayConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * containing "poison") off a queue, wired as {@code faas run} wires it: {@link QueueService}.
 */
class QueueWithEngineTest {

    @TempDir
    Path functions;
    LocalFaas faas;
    QueueService queues;
    final List<InvocationResult> invocations = new CopyOnWriteArrayList<>();
    final List<String> logLines = new CopyOnWriteArrayList<>();
    final List<String> notices = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Files.copy(Samples.functions().resolve("orders-worker.jar"), functions.resolve("orders-worker.jar"));
        RuntimeConfig config = RuntimeConfig.forDirectory(functions).withLogSink((fn, line) -> logLines.add(line));
        // Discovery reads @QueueTrigger(queue = "orders", batchSize = 5, maxReceiveCount = 3, deadLetterQueue =
        // "orders-dlq", visibilityTimeoutSeconds = 5); the test dead-letters after 2 receives and shortens the
        // timeouts so that a retry takes a second, not 5.
        faas = LocalFaas.open(config, spec -> new FunctionSpec(spec.name(), spec.jar(), spec.handler(), spec.memoryMb(),
                1, spec.concurrency(), spec.environment(), spec.inputType(), spec.httpRoutes(), spec.schedules(),
                spec.queues().stream().map(q -> new QueueSpec(q.queue(), q.batchSize(), q.maxBatchingWindowSeconds(),
                        2, "orders-dlq", 1)).toList()));
        faas.addListener(invocations::add);
        queues = QueueService.open(config, faas, notices::add);
        queues.start(faas.functions());
    }

    @AfterEach
    void stop() {
        queues.close();
        faas.close();
    }

    private long total(String queue) {
        return queues.backend().stats().stream().filter(s -> s.name().equals(queue)).mapToLong(QueueStats::total).sum();
    }

    @Test
    void theSampleWorkerProcessesGoodOrdersAndItsPoisonMessageEndsInTheDeadLetterQueue() {
        queues.backend().sendAll("orders", List.of(OutgoingMessage.of("order 1"), OutgoingMessage.of("poison order"),
                OutgoingMessage.of("order 2")));

        await().atMost(Duration.ofSeconds(20)).until(() -> total("orders-dlq") == 1 && total("orders") == 0);
        faas.flush(); // log lines and listeners are written after the consumer is answered

        assertEquals("poison order", queues.backend().peek("orders-dlq", 10).get(0).body());
        ConsumerInfo worker = queues.consumers().get(0);
        assertEquals(2, worker.deletedMessages());
        assertEquals(2, worker.failedMessages(), "the poison message failed on both receives");
        assertEquals(1, worker.deadLettered());
        assertTrue(invocations.stream().allMatch(r -> r.trigger() == Trigger.QUEUE && r.outcome() == Outcome.OK),
                invocations.toString());
        assertEquals(1, logLines.stream().filter(l -> l.contains("processed message") && l.contains(": order 1"))
                .count(), logLines.toString());
        assertEquals(2, logLines.stream().filter(l -> l.contains("cannot process message")).count(), logLines.toString());
    }

    @Test
    void aMessagePostedToTheGatewaysAdminApiReachesTheWorker() throws Exception {
        Gateway gateway = Gateway.create(GatewayConfig.defaults().withPort(0), faas)
                .mountHandler(QueueAdminHandler.PREFIX, queues.adminHandler());
        gateway.start();
        try {
            HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(gateway.url() + "/_faas/queues/orders/messages"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"order\":\"over http\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, posted.statusCode(), posted.body());

            await().atMost(Duration.ofSeconds(20)).until(() -> logLines.stream()
                    .anyMatch(l -> l.contains("processed message") && l.contains("over http")));
            await().until(() -> total("orders") == 0);
            HttpResponse<String> overview = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(gateway.url() + "/_faas/queues")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(overview.body().contains("\"function\":\"orders-worker\""), overview.body());
        } finally {
            gateway.stop();
        }
    }
}
