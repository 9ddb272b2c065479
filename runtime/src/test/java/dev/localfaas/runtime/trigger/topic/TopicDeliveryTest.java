package dev.localfaas.runtime.trigger.topic;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.trigger.PubSubGateway;
import dev.localfaas.runtime.trigger.delivery.Target;
import dev.localfaas.runtime.trigger.queue.SqliteQueueBackend;
import dev.localfaas.runtime.trigger.queue.StoredMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topics through the running gateway, with subscriber JARs built against aws-lambda-java-events ({@code SNSEvent}):
 * fan-out and filtering, the SNS event and envelope as AWS writes them, retries then the on-failure queue, FIFO order
 * under concurrent publishers, and queue copies that outlive the process.
 */
class TopicDeliveryTest {

    @TempDir
    Path tmp;

    private static String publishPath(String topic, String... attributes) {
        StringBuilder path = new StringBuilder("/_faas/topics/" + topic + "/messages?subject=Orders");
        for (String a : attributes) {
            path.append("&attribute=").append(java.net.URLEncoder.encode(a, StandardCharsets.UTF_8));
        }
        return path.toString();
    }

    @Test
    void everyMatchingSubscriptionGetsItsOwnCopyAndTheFilterDecides() {
        try (PubSubGateway faas = PubSubGateway.start(tmp, List.of(), "fixtures-pubsub.jar")) {
            faas.post("/_faas/topics/fanout/subscriptions", "{\"queue\": \"fanout-copies\"}");
            JsonNode big = faas.post(publishPath("fanout", "amount=Number:150", "tags=String.Array:[\"a\",\"b\"]"), "big order");
            JsonNode small = faas.post(publishPath("fanout", "amount=Number:50"), "small order");
            assertEquals(3, big.get("matched").asInt(), big.toString());
            assertEquals(2, small.get("matched").asInt(), small.toString());
            assertEquals(1, small.get("filtered").asInt(), small.toString());

            await().atMost(20, TimeUnit.SECONDS).until(() -> faas.invocationsOf("sns-echo").size() == 2
                    && faas.invocationsOf("sns-big-spender").size() == 1);
            InvocationResult spender = faas.invocationsOf("sns-big-spender").get(0);
            assertEquals(Outcome.OK, spender.outcome());
            assertEquals(Trigger.TOPIC, spender.trigger());
            assertEquals("\"150\"", new String(spender.payload(), StandardCharsets.UTF_8));

            // The SNSEvent the function read, written back by the AWS classes: every field arrived.
            JsonNode echoed = faas.invocationsOf("sns-echo").stream()
                    .map(r -> PubSubGateway.json(new String(r.payload(), StandardCharsets.UTF_8)))
                    .filter(e -> e.at("/Records/0/Sns/Message").asText().equals("big order")).findFirst().orElseThrow();
            JsonNode record = echoed.at("/Records/0");
            assertEquals("aws:sns", record.get("EventSource").asText(), record.toString());
            assertEquals("1.0", record.get("EventVersion").asText());
            assertTrue(record.get("EventSubscriptionArn").asText().startsWith("arn:aws:sns:us-east-1:123456789012:fanout:"));
            JsonNode sns = record.get("Sns");
            assertEquals(big.get("messageId").asText(), sns.get("MessageId").asText());
            assertEquals("arn:aws:sns:us-east-1:123456789012:fanout", sns.get("TopicArn").asText());
            assertEquals("Orders", sns.get("Subject").asText());
            assertEquals("Notification", sns.get("Type").asText());
            assertEquals("1", sns.get("SignatureVersion").asText());
            assertFalse(sns.get("Signature").asText().isEmpty());
            assertTrue(sns.get("SigningCertUrl").asText().startsWith("https://sns.us-east-1.amazonaws.com/"));
            assertTrue(sns.get("UnsubscribeUrl").asText().contains("Action=Unsubscribe&SubscriptionArn=arn:aws:sns:"));
            assertTrue(sns.get("Timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), sns.toString());
            assertEquals("Number", sns.at("/MessageAttributes/amount/Type").asText());
            assertEquals("150", sns.at("/MessageAttributes/amount/Value").asText());
            assertEquals("String.Array", sns.at("/MessageAttributes/tags/Type").asText());

            // The queue copy is the SNS envelope (URL spelled as SQS subscribers see it), stored before publish answered.
            List<StoredMessage> copies = faas.queues.backend().peek("fanout-copies", 10);
            assertEquals(2, copies.size());
            JsonNode envelope = PubSubGateway.json(copies.get(0).body());
            assertEquals("big order", envelope.get("Message").asText());
            assertEquals("Notification", envelope.get("Type").asText());
            assertTrue(envelope.has("SigningCertURL") && envelope.has("UnsubscribeURL"), envelope.toString());
            assertEquals("150", envelope.at("/MessageAttributes/amount/Value").asText());

            JsonNode topic = faas.get("/_faas/topics").get("topics").get(0);
            assertEquals(2, topic.get("published").asInt());
            Map<String, JsonNode> counts = new HashMap<>();
            topic.get("subscriptions").forEach(s -> counts.put(s.get("target").asText(), s.get("counts")));
            assertEquals(1, counts.get("function:sns-big-spender").get("filtered").asInt(), counts.toString());
            await().atMost(10, TimeUnit.SECONDS).until(() -> faas.get("/_faas/topics").at("/topics/0/subscriptions")
                    .findValues("delivered").stream().mapToInt(JsonNode::asInt).sum() == 5);
        }
    }

    @Test
    void rawDeliveryPutsTheMessageItselfAndItsAttributesOnTheQueue() {
        try (PubSubGateway faas = PubSubGateway.start(tmp, List.of(new SubscriptionSpec("plain", Target.queue("raw-copies"),
                "", FilterPolicyScope.MessageAttributes, true, "test")), "fixtures-pubsub.jar")) {
            faas.post(publishPath("plain", "amount=Number:7", "source=web"), "{\"id\": 7}");
            StoredMessage copy = faas.queues.backend().peek("raw-copies", 10).get(0);
            assertEquals("{\"id\": 7}", copy.body());
            assertEquals("Number", copy.attributes().get("amount").dataType());
            assertEquals("web", copy.attributes().get("source").stringValue());
        }
    }

    @Test
    void aFailingSubscriberIsRetriedTwiceThenItsInvocationRecordGoesToTheOnFailureQueue() {
        try (PubSubGateway faas = PubSubGateway.start(tmp, List.of(), "fixtures-pubsub.jar")) {
            faas.post(publishPath("flaky"), "please fail");
            faas.post(publishPath("flaky"), "fine");
            await().atMost(20, TimeUnit.SECONDS).until(() -> !faas.queues.backend().peek("flaky-failed", 10).isEmpty());
            List<InvocationResult> attempts = faas.invocationsOf("sns-flaky").stream().filter(InvocationResult::failed).toList();
            assertEquals(3, attempts.size(), "one attempt and two retries");
            assertEquals(1, attempts.stream().map(InvocationResult::requestId).distinct().count(), "retries keep the request id");
            assertEquals(1, faas.invocationsOf("sns-flaky").stream().filter(r -> !r.failed()).count());

            JsonNode record = PubSubGateway.json(faas.queues.backend().peek("flaky-failed", 10).get(0).body());
            assertEquals("RetriesExhausted", record.at("/requestContext/condition").asText());
            assertEquals(3, record.at("/requestContext/approximateInvokeCount").asInt());
            assertEquals("please fail", record.at("/requestPayload/Records/0/Sns/Message").asText());
            assertEquals("java.lang.IllegalStateException", record.at("/responsePayload/errorType").asText(), record.toString());
            assertTrue(faas.notices.stream().anyMatch(n -> n.startsWith("sns-flaky: event " + attempts.get(0).requestId()
                    + " from topic flaky failed after 3 attempts (error, java.lang.IllegalStateException);"
                    + " its invocation record is on queue flaky-failed")), faas.notices.toString());
            JsonNode counts = faas.get("/_faas/topics/flaky").at("/subscriptions/0/counts");
            assertEquals(1, counts.get("delivered").asInt(), counts.toString());
            assertEquals(1, counts.get("failed").asInt(), counts.toString());
        }
    }

    @Test
    void aFifoTopicKeepsEachGroupInOrderUnderConcurrentPublishersAndDropsDuplicates() throws Exception {
        int groups = 4;
        int perGroup = 25;
        try (PubSubGateway faas = PubSubGateway.start(tmp, List.of(), "fixtures-pubsub.jar")) {
            faas.post("/_faas/topics/ordered.fifo/subscriptions", "{\"queue\": \"fifo-copies\"}");
            ExecutorService publishers = Executors.newFixedThreadPool(groups * 2);
            List<Future<?>> done = new ArrayList<>();
            // Two publishers per group race each other; each takes the next number of its group under a lock, so
            // the topic sees each group's messages in number order only if it keeps order per group.
            for (int g = 0; g < groups; g++) {
                int[] next = {0};
                String group = "g" + g;
                for (int p = 0; p < 2; p++) {
                    done.add(publishers.submit(() -> {
                        while (true) {
                            synchronized (next) {
                                if (next[0] == perGroup) {
                                    return;
                                }
                                int n = next[0]++;
                                faas.post("/_faas/topics/ordered.fifo/messages?groupId=" + group + "&deduplicationId="
                                        + group + "-" + n, group + ":" + n);
                            }
                        }
                    }));
                }
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            publishers.shutdown();
            JsonNode again = faas.post("/_faas/topics/ordered.fifo/messages?groupId=g0&deduplicationId=g0-3", "g0:3");
            assertTrue(again.get("duplicate").asBoolean(), again.toString());

            List<StoredMessage> copies = faas.queues.backend().peek("fifo-copies", 1000);
            assertEquals(groups * perGroup, copies.size(), "every message once, the duplicate not again");
            Map<String, Integer> last = new HashMap<>();
            long previousSequence = 0;
            for (StoredMessage copy : copies) {
                JsonNode envelope = PubSubGateway.json(copy.body());
                String[] parts = envelope.get("Message").asText().split(":");
                int n = Integer.parseInt(parts[1]);
                assertEquals(last.getOrDefault(parts[0], -1) + 1, n, "group " + parts[0] + " out of order");
                last.put(parts[0], n);
                long sequence = Long.parseLong(envelope.get("SequenceNumber").asText());
                assertTrue(sequence > previousSequence, "sequence numbers grow in store order");
                previousSequence = sequence;
            }
        }
    }

    @Test
    void publishingToAFifoTopicWithoutAGroupIsRefusedInOneLine() {
        try (PubSubGateway faas = PubSubGateway.start(tmp, List.of(), "fixtures-pubsub.jar")) {
            HttpResponse<String> refused = faas.send("POST", "/_faas/topics/ordered.fifo/messages", "m");
            assertEquals(400, refused.statusCode());
            assertEquals("topic ordered.fifo is a FIFO topic; give every message a MessageGroupId (--group-id): messages"
                    + " of one group are delivered in order", PubSubGateway.json(refused.body()).get("message").asText());
            HttpResponse<String> function = faas.send("POST", "/_faas/topics/ordered.fifo/subscriptions", "{\"function\": \"sns-echo\"}");
            assertEquals(400, function.statusCode());
            assertEquals("POST /_faas/topics: subscription of function:sns-echo to topic ordered.fifo: a FIFO topic delivers"
                    + " to queues only, as on SNS; subscribe a queue and let the function consume it, or use a standard topic",
                    PubSubGateway.json(function.body()).get("message").asText());
        }
    }

    @Test
    void anInvalidFilterPolicyIsALoadTimeErrorNamingTheSubscription() {
        SubscriptionSpec bad = new SubscriptionSpec("fanout", Target.queue("audit"), "{\"amount\": [{\"numeric\": [\">>\", 1]}]}",
                FilterPolicyScope.MessageAttributes, false, "--subscribe fanout=queue:audit");
        TopicTriggerException e = assertThrows(TopicTriggerException.class,
                () -> PubSubGateway.start(tmp, List.of(bad), "fixtures-pubsub.jar").close());
        assertEquals(List.of("--subscribe fanout=queue:audit: subscription of queue:audit to topic fanout: filter policy key"
                + " \"amount\" numeric takes operator and number pairs, like [\">\", 0, \"<=\", 150] or [\"=\", 301.5]"),
                e.problems());
    }

    @Test
    void queueCopiesOutliveTheProcess() {
        SubscriptionSpec kept = new SubscriptionSpec("durable", Target.queue("kept"), "", FilterPolicyScope.MessageAttributes,
                true, "test");
        try (PubSubGateway faas = PubSubGateway.start(tmp, List.of(kept), "fixtures-pubsub.jar")) {
            for (int i = 0; i < 20; i++) {
                faas.post(publishPath("durable"), "m" + i);
            }
        }
        try (SqliteQueueBackend reopened = SqliteQueueBackend.open(tmp.resolve("state/queues.db"), n -> { })) {
            List<StoredMessage> stored = reopened.peek("kept", 100);
            assertEquals(20, stored.size());
            assertEquals(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "m" + i).toList(),
                    stored.stream().map(StoredMessage::body).toList());
        }
    }
}
