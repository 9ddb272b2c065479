package dev.localfaas.runtime.function;

import java.util.List;

/**
 * The publish/subscribe triggers of a function, as {@code @TopicTrigger}, {@code @QueueSubscription},
 * {@code @EventRule}, {@code @BucketTrigger} and {@code @AsyncInvokeConfig} declare them (or a template reader
 * produces them). Plain values: the topic, bus and bucket services check and run them.
 *
 * @param topics             topics the function subscribes to
 * @param queueSubscriptions topics that the function's trigger queue subscribes to
 * @param rules              event bus rules that target the function
 * @param buckets            bucket notifications to the function
 * @param async              retries and on-failure queue of its asynchronous invocations
 * @param kafka              Kafka event source mappings ({@code @KafkaTrigger}, {@code SelfManagedKafka}/{@code MSK})
 */
public record EventSources(
        List<TopicTriggerSpec> topics,
        List<QueueSubscriptionSpec> queueSubscriptions,
        List<EventRuleSpec> rules,
        List<BucketTriggerSpec> buckets,
        AsyncInvokeSpec async,
        List<KafkaTriggerSpec> kafka) {

    public static final EventSources NONE = new EventSources(List.of(), List.of(), List.of(), List.of(), AsyncInvokeSpec.DEFAULT);

    /** Without Kafka event sources. */
    public EventSources(List<TopicTriggerSpec> topics, List<QueueSubscriptionSpec> queueSubscriptions,
                        List<EventRuleSpec> rules, List<BucketTriggerSpec> buckets, AsyncInvokeSpec async) {
        this(topics, queueSubscriptions, rules, buckets, async, List.of());
    }

    public EventSources {
        topics = List.copyOf(topics);
        queueSubscriptions = List.copyOf(queueSubscriptions);
        rules = List.copyOf(rules);
        buckets = List.copyOf(buckets);
        async = async == null ? AsyncInvokeSpec.DEFAULT : async;
        kafka = kafka == null ? List.of() : List.copyOf(kafka);
    }

    public boolean isEmpty() {
        return topics.isEmpty() && queueSubscriptions.isEmpty() && rules.isEmpty() && buckets.isEmpty() && kafka.isEmpty();
    }

    /** A copy with these Kafka event sources. */
    public EventSources withKafka(List<KafkaTriggerSpec> sources) {
        return new EventSources(topics, queueSubscriptions, rules, buckets, async, sources);
    }

    /** A function subscription to a topic; {@code filterPolicy} is JSON or "" for none. */
    public record TopicTriggerSpec(String topic, String filterPolicy, String filterPolicyScope) {
    }

    /** The queue {@code queue} subscribed to {@code topic} (SNS to SQS). */
    public record QueueSubscriptionSpec(String topic, String queue, boolean rawMessageDelivery, String filterPolicy,
                                        String filterPolicyScope) {
    }

    /** A rule on {@code bus} whose pattern selects the events that invoke the function; {@code name} may be "". */
    public record EventRuleSpec(String bus, String name, String pattern) {
    }

    /** S3-style notifications from a local bucket; {@code events} such as {@code s3:ObjectCreated:*}. */
    public record BucketTriggerSpec(String bucket, List<String> events, String prefix, String suffix) {
        public BucketTriggerSpec {
            events = List.copyOf(events);
        }
    }

    /** Lambda's event invoke config: 0 to 2 retries, and a queue for the invocation record of a failed event ("" none). */
    public record AsyncInvokeSpec(int maximumRetryAttempts, String onFailureQueue) {
        public static final AsyncInvokeSpec DEFAULT = new AsyncInvokeSpec(2, "");
    }
}
