package dev.localfaas.runtime.trigger.queue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.QueueSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A queue store in a temporary directory and the consumers under test, closed after each test. */
abstract class QueueConsumerFixture {

    @TempDir
    Path dir;
    SqliteQueueBackend queues;
    QueueConsumers consumers;
    final List<String> notices = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        queues = SqliteQueueBackend.open(dir.resolve("queues.db"),
                QueueStoreOptions.DEFAULTS.withPollInterval(Duration.ofMillis(50)), notices::add);
    }

    @AfterEach
    void close() {
        if (consumers != null) {
            consumers.close();
        }
        queues.close();
    }

    ScriptedInvoker run(FunctionSpec f, Function<JsonNode, InvocationResult> behaviour) {
        ScriptedInvoker invoker = new ScriptedInvoker(List.of(f), behaviour);
        consumers = new QueueConsumers(queues, invoker, QueueSettings.DEFAULTS, notices::add);
        consumers.start(List.of(f));
        return invoker;
    }

    void send(String queue, String... bodies) {
        queues.sendAll(queue, java.util.Arrays.stream(bodies).map(OutgoingMessage::of).toList());
    }

    long total(String queue) {
        return queues.stats().stream().filter(s -> s.name().equals(queue)).mapToLong(QueueStats::total).sum();
    }

    static QueueSpec queue(String name, int batchSize, int window, int maxReceives, String dlq, int visibility) {
        return new QueueSpec(name, batchSize, window, maxReceives, dlq, visibility);
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
