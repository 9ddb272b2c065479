package dev.localfaas.runtime.trigger.queue;

import static dev.localfaas.runtime.trigger.queue.ScriptedInvoker.error;
import static dev.localfaas.runtime.trigger.queue.ScriptedInvoker.function;
import static dev.localfaas.runtime.trigger.queue.ScriptedInvoker.ok;
import static dev.localfaas.runtime.trigger.queue.ScriptedInvoker.result;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localfaas.runtime.execution.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Retries after the visibility timeout, partial batch failures, dead letters and redrive. */
class QueueRetriesTest extends QueueConsumerFixture {

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
}
