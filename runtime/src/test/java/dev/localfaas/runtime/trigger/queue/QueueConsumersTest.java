package dev.localfaas.runtime.trigger.queue;

import static dev.localfaas.runtime.trigger.queue.ScriptedInvoker.error;
import static dev.localfaas.runtime.trigger.queue.ScriptedInvoker.function;
import static dev.localfaas.runtime.trigger.queue.ScriptedInvoker.ok;
import static dev.localfaas.runtime.trigger.queue.ScriptedInvoker.result;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.QueueSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueConsumersTest {

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

    private ScriptedInvoker run(FunctionSpec f, Function<JsonNode, InvocationResult> behaviour) {
        ScriptedInvoker invoker = new ScriptedInvoker(List.of(f), behaviour);
        consumers = new QueueConsumers(queues, invoker, QueueSettings.DEFAULTS, notices::add);
        consumers.start(List.of(f));
        return invoker;
    }

    private void send(String queue, String... bodies) {
        queues.sendAll(queue, java.util.Arrays.stream(bodies).map(OutgoingMessage::of).toList());
    }

    private long total(String queue) {
        return queues.stats().stream().filter(s -> s.name().equals(queue)).mapToLong(QueueStats::total).sum();
    }

    private static QueueSpec queue(String name, int batchSize, int window, int maxReceives, String dlq, int visibility) {
        return new QueueSpec(name, batchSize, window, maxReceives, dlq, visibility);
    }

    @Test
    void messagesArriveAsSqsEventsInBatchesOfAtMostBatchSizeAndAreDeletedOnSuccess() {
        ScriptedInvoker invoker = run(function("worker", 3, 0, queue("orders", 10, 0, 0, "", 30)), e -> ok());
        List<String> bodies = IntStream.range(0, 25).mapToObj(i -> "order " + i).toList();
        send("orders", bodies.toArray(String[]::new));

        await().until(() -> invoker.calls.stream().mapToInt(c -> c.bodies().size()).sum() == 25);
        await().until(() -> total("orders") == 0);

        assertEquals(Set.copyOf(bodies), invoker.calls.stream().flatMap(c -> c.bodies().stream()).collect(Collectors.toSet()));
        invoker.calls.forEach(c -> {
            assertTrue(c.bodies().size() <= 10, "batch of " + c.bodies().size());
            assertEquals(Trigger.QUEUE, c.trigger());
        });
        JsonNode r = invoker.calls.get(0).records().get(0);
        assertEquals(Set.of("messageId", "receiptHandle", "body", "attributes", "messageAttributes", "md5OfBody",
                "eventSource", "eventSourceARN", "awsRegion"), fieldNames(r));
        assertEquals(Set.of("ApproximateReceiveCount", "SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp"),
                fieldNames(r.get("attributes")));
        assertEquals("1", r.get("attributes").get("ApproximateReceiveCount").asText());
        assertTrue(r.get("attributes").get("SentTimestamp").isTextual());
        assertEquals("aws:sqs", r.get("eventSource").asText());
        assertEquals("arn:aws:sqs:us-east-1:123456789012:orders", r.get("eventSourceARN").asText());
        assertEquals("us-east-1", r.get("awsRegion").asText());
        assertEquals(MessageIds.md5Hex(r.get("body").asText()), r.get("md5OfBody").asText());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void messageAttributesArriveInTheSqsShapeWithTheirDigest() {
        ScriptedInvoker invoker = run(function("worker", 3, 0, queue("orders", 10, 0, 0, "", 30)), e -> ok());
        queues.send("orders", OutgoingMessage.of("with attributes").withAttributes(Map.of(
                "Author", MessageAttribute.string("John Grisham"), "WeeksOn", MessageAttribute.number("6"))));

        await().until(() -> invoker.calls.size() == 1);

        JsonNode r = invoker.calls.get(0).records().get(0);
        assertEquals("{\"stringValue\":\"John Grisham\",\"stringListValues\":[],\"binaryListValues\":[],"
                + "\"dataType\":\"String\"}", r.get("messageAttributes").get("Author").toString());
        assertEquals("Number", r.get("messageAttributes").get("WeeksOn").get("dataType").asText());
        assertEquals(AttributeCodec.md5(Map.of("Author", MessageAttribute.string("John Grisham"),
                "WeeksOn", MessageAttribute.number("6"))), r.get("md5OfMessageAttributes").asText());
    }

    @Test
    void aBatchingWindowGathersMessagesThatArriveWithinItIntoOneBatch() {
        ScriptedInvoker invoker = run(function("worker", 3, 0, queue("orders", 20, 3, 0, "", 30)), e -> ok());
        send("orders", "first");
        await().until(() -> queues.stats().get(0).inFlight() == 1); // the poller holds it, waiting for more

        send("orders", "second", "third");

        await().atMost(Duration.ofSeconds(10)).until(() -> invoker.calls.size() == 1);
        assertEquals(Set.of("first", "second", "third"), Set.copyOf(invoker.calls.get(0).bodies()));
    }

    @Test
    void aFullBatchIsInvokedWithoutWaitingForTheWindowToEnd() {
        ScriptedInvoker invoker = run(function("worker", 3, 0, queue("orders", 20, 300, 0, "", 400)), e -> ok());

        send("orders", IntStream.range(0, 20).mapToObj(i -> "m" + i).toArray(String[]::new));

        await().atMost(Duration.ofSeconds(10)).until(() -> invoker.calls.size() == 1);
        assertEquals(20, invoker.calls.get(0).bodies().size());
    }

    @Test
    void aFailedBatchReappearsAfterTheVisibilityTimeoutWithAHigherReceiveCount() {
        List<Long> seenAt = new CopyOnWriteArrayList<>();
        ScriptedInvoker invoker = run(function("worker", 1, 0, queue("orders", 10, 0, 0, "", 1)), e -> {
            seenAt.add(System.nanoTime());
            String count = e.get("Records").get(0).get("attributes").get("ApproximateReceiveCount").asText();
            return count.equals("3") ? ok() : error();
        });

        send("orders", "flaky");

        await().atMost(Duration.ofSeconds(15)).until(() -> invoker.calls.size() == 3 && total("orders") == 0);
        assertEquals(List.of("1", "2", "3"), invoker.calls.stream().map(c -> c.records().get(0).get("attributes")
                .get("ApproximateReceiveCount").asText()).toList());
        for (int i = 1; i < seenAt.size(); i++) {
            assertTrue(seenAt.get(i) - seenAt.get(i - 1) >= 900_000_000L, "retried before the visibility timeout");
        }
    }

    @Test
    void timeoutsAndThrottlesAreRetriedLikeErrors() {
        List<Outcome> outcomes = new ArrayList<>(List.of(Outcome.TIMEOUT, Outcome.THROTTLED, Outcome.OK));
        ScriptedInvoker invoker = run(function("worker", 1, 0, queue("orders", 10, 0, 0, "", 1)),
                e -> result(outcomes.remove(0), null));

        send("orders", "slow");

        await().atMost(Duration.ofSeconds(15)).until(() -> total("orders") == 0);
        assertEquals(3, invoker.receivesOf("slow"));
    }

    @Test
    void aPartialBatchResponseReturnsOnlyTheNamedMessages() {
        ScriptedInvoker invoker = run(function("worker", 1, 0, queue("orders", 10, 0, 0, "", 1)), e -> {
            List<String> failures = new ArrayList<>();
            e.get("Records").forEach(r -> {
                if (r.get("body").asText().startsWith("bad") && r.get("attributes").get("ApproximateReceiveCount").asInt() < 2) {
                    failures.add("{\"itemIdentifier\":\"" + r.get("messageId").asText() + "\"}");
                }
            });
            return result(Outcome.OK, "{\"batchItemFailures\":[" + String.join(",", failures) + "]}");
        });

        send("orders", "good 1", "bad 1", "good 2", "bad 2");

        await().atMost(Duration.ofSeconds(15)).until(() -> total("orders") == 0);
        assertEquals(1, invoker.receivesOf("good 1"));
        assertEquals(1, invoker.receivesOf("good 2"));
        assertEquals(2, invoker.receivesOf("bad 1"));
        assertEquals(2, invoker.receivesOf("bad 2"));
    }

    @Test
    void aBatchResponseNamingAMessageOutsideTheBatchFailsTheWholeBatch() {
        ScriptedInvoker invoker = run(function("worker", 1, 0, queue("orders", 10, 0, 0, "", 1)), e ->
                e.get("Records").get(0).get("attributes").get("ApproximateReceiveCount").asInt() == 1
                        ? result(Outcome.OK, "{\"batchItemFailures\":[{\"itemIdentifier\":\"no-such-id\"}]}")
                        : ok());

        send("orders", "a");

        await().atMost(Duration.ofSeconds(15)).until(() -> total("orders") == 0);
        assertEquals(2, invoker.receivesOf("a"));
        assertTrue(notices.contains("worker: batchItemFailures names no-such-id, which is not in the batch;"
                + " all 1 messages of the batch will be retried"), notices.toString());
    }

    @Test
    void aMessageThatKeepsFailingMovesToTheDeadLetterQueueAfterMaxReceiveCountAndRedriveBringsItBack() {
        Set<String> fixed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ScriptedInvoker invoker = run(function("worker", 1, 0, queue("orders", 10, 0, 3, "orders-dlq", 1)), e -> {
            boolean poison = false;
            for (JsonNode r : e.get("Records")) {
                poison |= r.get("body").asText().contains("poison") && fixed.isEmpty();
            }
            return poison ? error() : ok();
        });

        send("orders", "poison pill");

        await().atMost(Duration.ofSeconds(15)).until(() -> queues.peek("orders-dlq", 10).size() == 1);
        assertEquals(3, invoker.receivesOf("poison pill"));
        assertEquals(0, total("orders"));
        StoredMessage dead = queues.peek("orders-dlq", 10).get(0);
        assertEquals("orders", dead.sourceQueue());
        assertTrue(notices.contains("worker: moved 1 message(s) of queue orders to dead-letter queue orders-dlq"
                + " after 3 receives"), notices.toString());

        fixed.add("deployed a fix");
        assertEquals(1, queues.redrive("orders-dlq"));

        await().until(() -> invoker.receivesOf("poison pill") == 4 && total("orders") == 0);
        assertEquals(0, total("orders-dlq"));
    }

    @Test
    void batchesRunConcurrentlyUpToTheFunctionsConcurrencyAndNoFurther() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ScriptedInvoker invoker = run(function("worker", 10, 3, queue("orders", 1, 0, 0, "", 60)), e -> {
            try {
                release.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return ok();
        });

        send("orders", IntStream.range(0, 12).mapToObj(i -> "m" + i).toArray(String[]::new));

        await().until(() -> invoker.running.get() == 3);
        assertEquals(3, consumers.consumers().get(0).inFlightBatches());
        release.countDown();
        await().until(() -> total("orders") == 0);
        assertEquals(3, invoker.mostRunning.get());
        assertEquals(12, invoker.calls.size());
    }

    @Test
    void aVisibilityTimeoutShorterThanTheFunctionTimeoutIsRefusedAtStartWithAwsMessage() {
        FunctionSpec f = function("worker", 60, 0, queue("orders", 10, 0, 0, "", 30));
        consumers = new QueueConsumers(queues, new ScriptedInvoker(List.of(f), e -> ok()), QueueSettings.DEFAULTS,
                notices::add);

        QueueTriggerException e = assertThrows(QueueTriggerException.class, () -> consumers.start(List.of(f)));

        assertEquals("worker: @QueueTrigger(queue = \"orders\"): Queue visibility timeout: 30 seconds is less than"
                + " Function timeout: 60 seconds; set visibilityTimeoutSeconds to at least 60"
                + " (AWS recommends 6 times the timeout, 360)", e.getMessage());
        assertTrue(consumers.consumers().isEmpty());
    }

    @Test
    void aHotReloadKeepsUnchangedConsumersRestartsChangedOnesAndStopsRemovedOnes() {
        FunctionSpec a = function("a", 3, 0, queue("qa", 10, 0, 0, "", 30));
        FunctionSpec b = function("b", 3, 0, queue("qb", 10, 0, 0, "", 30));
        FunctionSpec c = function("c", 3, 0, queue("qc", 10, 0, 0, "", 30));
        FunctionSpec aChanged = function("a", 3, 0, queue("qa", 5, 0, 0, "", 30));
        ScriptedInvoker invoker = new ScriptedInvoker(List.of(a, b, c), e -> ok());
        consumers = new QueueConsumers(queues, invoker, QueueSettings.DEFAULTS, notices::add);
        consumers.start(List.of(a, b));
        send("qb", "before");
        await().until(() -> invoker.receivesOf("before") == 1);

        List<String> problems = consumers.update(List.of(aChanged, c));

        assertEquals(List.of(), problems);
        assertEquals(Set.of("a/qa/5", "c/qc/10"), consumers.consumers().stream()
                .map(i -> i.function() + "/" + i.queue() + "/" + i.batchSize()).collect(Collectors.toSet()));
        send("qb", "after b was removed");
        send("qc", "for c");
        await().until(() -> invoker.receivesOf("for c") == 1);
        assertEquals(0, invoker.receivesOf("after b was removed"));
        assertEquals(1, total("qb"), "a removed consumer's queue keeps its messages");
    }

    @Test
    void aReloadWithABadTriggerSkipsItAndReportsIt() {
        FunctionSpec good = function("good", 3, 0, queue("q1", 10, 0, 0, "", 30));
        FunctionSpec bad = function("bad", 3, 0, queue("q2", 50, 0, 0, "", 30));
        consumers = new QueueConsumers(queues, new ScriptedInvoker(List.of(good, bad), e -> ok()),
                QueueSettings.DEFAULTS, notices::add);

        List<String> problems = consumers.update(List.of(good, bad));

        assertEquals(List.of("bad: @QueueTrigger(queue = \"q2\"): batchSize 50 needs maxBatchingWindowSeconds of at"
                + " least 1, as on AWS; set a batching window or use a batchSize of 10 or less"), problems);
        assertEquals(List.of("good"), consumers.consumers().stream().map(ConsumerInfo::function).toList());
    }
}
