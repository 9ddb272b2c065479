package dev.localfaas.runtime.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.localfaas.runtime.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The publish/subscribe annotations, read from the sample JARs' bytecode, and refused in one line each when AWS would refuse them. */
class EventSourceDiscoveryTest {

    @Test
    void readsTopicQueueSubscriptionRuleBucketAndAsyncSettings() {
        FunctionCatalog samples = FunctionDiscovery.scan(Samples.functions());
        EventSources audit = samples.find("orders-audit").orElseThrow().events();
        assertEquals(List.of(new EventSources.TopicTriggerSpec("order-events",
                "{\"order\": {\"amount\": [{\"numeric\": [\">\", 100]}]}}", "MessageBody")), audit.topics());
        assertEquals(List.of(new EventSources.QueueSubscriptionSpec("order-events", "orders", true, "", "MessageAttributes")),
                samples.find("orders-worker").orElseThrow().events().queueSubscriptions());

        FunctionCatalog fixtures = FunctionDiscovery.scan(Samples.testFunctions());
        assertEquals(new EventSources.AsyncInvokeSpec(2, "flaky-failed"), fixtures.find("sns-flaky").orElseThrow().events().async());
        assertEquals(EventSources.AsyncInvokeSpec.DEFAULT, fixtures.find("sns-echo").orElseThrow().events().async());
        assertEquals(List.of(new EventSources.EventRuleSpec("default", "large-orders", "{\"source\": [\"orders\"],"
                + " \"detail-type\": [\"OrderPlaced\"], \"detail\": {\"amount\": [{\"numeric\": [\">\", 100]}]}}")),
                fixtures.find("event-echo").orElseThrow().events().rules());
        assertEquals(List.of(new EventSources.BucketTriggerSpec("uploads", List.of("s3:ObjectCreated:*", "s3:ObjectRemoved:*"),
                "incoming/", ".csv")), fixtures.find("csv-uploads").orElseThrow().events().buckets());
    }

    @Test
    void refusesWhatAwsWouldRefuseOneLineEach() {
        FunctionCatalog broken = FunctionDiscovery.scan(Samples.functions().resolveSibling("broken-pubsub-functions"));
        String subject = "broken-pubsub.jar: class broken.pubsub.BadSubscriptions: ";
        assertEquals(java.util.stream.Stream.of(
                subject + "@TopicTrigger(topic = \"orders!\") is not a topic name; use 1 to 256 letters, digits, - or _"
                        + " (a FIFO topic ends in .fifo)",
                subject + "@TopicTrigger(filterPolicyScope = \"Body\") is not a scope; use MessageAttributes or MessageBody",
                subject + "@QueueSubscription needs @QueueTrigger beside it: it subscribes that queue to the topic; add"
                        + " @QueueTrigger(queue = \"...\"), or use @TopicTrigger to subscribe the function itself",
                subject + "@EventRule(bus = \"my bus\") is not an event bus name; use letters, digits, . - or _",
                subject + "@BucketTrigger(bucket = \"Uploads\") is not a bucket name; use 3 to 63 lower-case letters,"
                        + " digits, dots or hyphens, starting and ending with a letter or digit",
                subject + "@BucketTrigger(events = \"s3:ObjectCreated:Copy\") is not a supported event; use"
                        + " s3:ObjectCreated:*, s3:ObjectCreated:Put, s3:ObjectRemoved:*, s3:ObjectRemoved:Delete",
                subject + "@AsyncInvokeConfig(maximumRetryAttempts = 3) is out of range; use 0 to 2, as on AWS").sorted().toList(),
                broken.problems().stream().map(DiscoveryProblem::message).sorted().toList());
    }
}
