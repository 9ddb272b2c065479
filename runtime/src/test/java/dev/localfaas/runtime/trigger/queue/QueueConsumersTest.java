package dev.localfaas.runtime.trigger.queue;

import static dev.localfaas.runtime.trigger.queue.ScriptedInvoker.function;
import static dev.localfaas.runtime.trigger.queue.ScriptedInvoker.ok;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.function.FunctionSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Batching, concurrency, the event's shape, start-up checks and hot reload. */
class QueueConsumersTest extends QueueConsumerFixture {

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
    void aBatchNeverExceedsLambdasSixMegabytePayloadLimit() {
        ScriptedInvoker invoker = run(function("worker", 3, 0, queue("orders", 10, 0, 0, "", 30)), e -> ok());

        send("orders", IntStream.range(0, 8).mapToObj(i -> i + "x".repeat(1_000_000)).toArray(String[]::new));

        await().atMost(Duration.ofSeconds(20)).until(() -> invoker.calls.stream().mapToInt(c -> c.bodies().size()).sum() == 8);
        assertTrue(invoker.calls.size() >= 2, "8 MB cannot travel in one invocation");
        invoker.calls.forEach(c -> assertTrue(c.bytes() <= 6_291_456, "an event of " + c.bytes() + " bytes"));
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
