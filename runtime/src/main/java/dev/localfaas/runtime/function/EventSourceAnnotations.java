package dev.localfaas.runtime.function;

import io.github.classgraph.AnnotationInfo;
import io.github.classgraph.AnnotationInfoList;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads {@code @TopicTrigger}, {@code @QueueSubscription}, {@code @EventRule}, {@code @BucketTrigger},
 * {@code @KafkaTrigger} and {@code @AsyncInvokeConfig} into {@link EventSources}, checking names and settings as AWS would when the
 * subscription, rule or notification is created. Filter policies and event patterns are checked by the topic and bus
 * services when they start, where the matcher lives.
 */
final class EventSourceAnnotations {

    private static final String API = "dev.localfaas.api.";
    static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,251}(\\.fifo)?");
    private static final Pattern BUS_NAME = Pattern.compile("[A-Za-z0-9._-]{1,256}");
    private static final Pattern RULE_NAME = Pattern.compile("[A-Za-z0-9._-]{0,64}");
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Set<String> SCOPES = Set.of("MessageAttributes", "MessageBody");
    private static final Set<String> BUCKET_EVENTS = Set.of("s3:ObjectCreated:*", "s3:ObjectCreated:Put",
            "s3:ObjectRemoved:*", "s3:ObjectRemoved:Delete");

    private EventSourceAnnotations() {
    }

    static EventSources read(AnnotationInfoList annotations, Consumer<String> problems) {
        List<EventSources.TopicTriggerSpec> topics = new ArrayList<>();
        for (AnnotationValues t : AnnotationValues.repeatable(annotations, API + "TopicTrigger", API + "TopicTriggers")) {
            String topic = t.string("topic", "");
            String scope = t.string("filterPolicyScope", "MessageAttributes");
            if (checkTopic("@TopicTrigger", topic, scope, problems)) {
                topics.add(new EventSources.TopicTriggerSpec(topic, t.string("filterPolicy", ""), scope));
            }
        }
        List<EventSources.QueueSubscriptionSpec> queueSubscriptions = new ArrayList<>();
        List<AnnotationValues> subscriptions = AnnotationValues.repeatable(annotations, API + "QueueSubscription",
                API + "QueueSubscriptions");
        AnnotationInfo queueTrigger = annotations.get(API + "QueueTrigger");
        if (!subscriptions.isEmpty() && queueTrigger == null) {
            problems.accept("@QueueSubscription needs @QueueTrigger beside it: it subscribes that queue to the topic;"
                    + " add @QueueTrigger(queue = \"...\"), or use @TopicTrigger to subscribe the function itself");
        } else {
            for (AnnotationValues s : subscriptions) {
                String topic = s.string("topic", "");
                String scope = s.string("filterPolicyScope", "MessageAttributes");
                if (checkTopic("@QueueSubscription", topic, scope, problems)) {
                    queueSubscriptions.add(new EventSources.QueueSubscriptionSpec(topic,
                            AnnotationValues.of(queueTrigger).string("queue", ""), s.bool("rawMessageDelivery", false),
                            s.string("filterPolicy", ""), scope));
                }
            }
        }
        List<EventSources.EventRuleSpec> rules = new ArrayList<>();
        for (AnnotationValues r : AnnotationValues.repeatable(annotations, API + "EventRule", API + "EventRules")) {
            String bus = r.string("bus", "default");
            String name = r.string("name", "");
            if (!BUS_NAME.matcher(bus).matches()) {
                problems.accept("@EventRule(bus = \"" + bus + "\") is not an event bus name; use letters, digits, . - or _");
            } else if (!RULE_NAME.matcher(name).matches()) {
                problems.accept("@EventRule(name = \"" + name + "\") is not a rule name; use up to 64 letters, digits, . - or _");
            } else {
                rules.add(new EventSources.EventRuleSpec(bus, name, r.string("pattern", "")));
            }
        }
        List<EventSources.BucketTriggerSpec> buckets = new ArrayList<>();
        for (AnnotationValues b : AnnotationValues.repeatable(annotations, API + "BucketTrigger", API + "BucketTriggers")) {
            String bucket = b.string("bucket", "");
            List<String> events = b.strings("events");
            events = events.isEmpty() ? List.of("s3:ObjectCreated:*") : events;
            List<String> unknown = events.stream().filter(e -> !BUCKET_EVENTS.contains(e)).toList();
            if (!BUCKET_NAME.matcher(bucket).matches() || bucket.contains("..")) {
                problems.accept("@BucketTrigger(bucket = \"" + bucket + "\") is not a bucket name; use 3 to 63"
                        + " lower-case letters, digits, dots or hyphens, starting and ending with a letter or digit");
            } else if (!unknown.isEmpty()) {
                problems.accept("@BucketTrigger(events = \"" + unknown.get(0) + "\") is not a supported event; use "
                        + String.join(", ", BUCKET_EVENTS.stream().sorted().toList()));
            } else {
                buckets.add(new EventSources.BucketTriggerSpec(bucket, events, b.string("prefix", ""), b.string("suffix", "")));
            }
        }
        EventSources.AsyncInvokeSpec async = EventSources.AsyncInvokeSpec.DEFAULT;
        AnnotationInfo config = annotations.get(API + "AsyncInvokeConfig");
        if (config != null) {
            AnnotationValues c = AnnotationValues.of(config);
            int retries = c.integer("maximumRetryAttempts", 2);
            String queue = c.string("onFailureQueue", "");
            if (retries < 0 || retries > 2) {
                problems.accept("@AsyncInvokeConfig(maximumRetryAttempts = " + retries + ") is out of range; use 0 to 2, as on AWS");
            } else if (!queue.isEmpty() && !queue.matches("[A-Za-z0-9_-]{1,80}")) {
                problems.accept("@AsyncInvokeConfig(onFailureQueue = \"" + queue + "\") is not a queue name;"
                        + " use 1 to 80 letters, digits, - or _, or leave it empty");
            } else {
                async = new EventSources.AsyncInvokeSpec(retries, queue);
            }
        }
        List<KafkaTriggerSpec> kafka = new ArrayList<>();
        for (AnnotationValues k : AnnotationValues.repeatable(annotations, API + "KafkaTrigger", API + "KafkaTriggers")) {
            int window = k.integer("maximumBatchingWindowInSeconds", -1);
            kafka.add(new KafkaTriggerSpec(KafkaTriggerSpec.SELF_MANAGED, "", k.string("bootstrapServers", ""),
                    k.strings("topics"), k.string("startingPosition", "TRIM_HORIZON"),
                    k.integer("startingPositionTimestamp", 0), k.integer("batchSize", KafkaTriggerSpec.DEFAULT_BATCH_SIZE),
                    window < 0 ? KafkaTriggerSpec.DEFAULT_BATCHING_WINDOW_MILLIS : window * 1000,
                    k.string("consumerGroupId", ""), k.strings("filters"), k.string("onFailure", ""),
                    k.integer("maximumRetryAttempts", -1), k.integer("maximumRecordAgeInSeconds", -1),
                    k.bool("bisectBatchOnFunctionError", false), true));
        }
        return new EventSources(topics, queueSubscriptions, rules, buckets, async, kafka);
    }

    private static boolean checkTopic(String annotation, String topic, String scope, Consumer<String> problems) {
        if (!TOPIC_NAME.matcher(topic).matches()) {
            problems.accept(annotation + "(topic = \"" + topic + "\") is not a topic name; use 1 to 256 letters,"
                    + " digits, - or _ (a FIFO topic ends in .fifo)");
            return false;
        }
        if (!SCOPES.contains(scope)) {
            problems.accept(annotation + "(filterPolicyScope = \"" + scope + "\") is not a scope; use MessageAttributes"
                    + " or MessageBody");
            return false;
        }
        return true;
    }
}
