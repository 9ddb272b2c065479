package dev.localfaas.runtime.config;

import dev.localfaas.runtime.config.yaml.Position;

/**
 * One event of a function as the project file declares it. Every kind SAM and the Serverless Framework name is
 * kept, served or not yet, so that the issues which bring topics, buses and Kafka read them from here.
 */
public sealed interface EventSource permits EventSource.Http, EventSource.Schedule, EventSource.Queue,
        EventSource.Topic, EventSource.BusRule, EventSource.Bucket, EventSource.Stream {

    /** The event's name under {@code Events} (SAM) or its index (Serverless). */
    String id();

    Position position();

    /** Whether localfaas serves this kind of event today. */
    default boolean served() {
        return true;
    }

    /** What API Gateway an HTTP event belongs to. */
    enum ApiKind { REST, HTTP }

    /**
     * {@code Api} (REST, payload 1.0) or {@code HttpApi} (payload 2.0 unless {@code PayloadFormatVersion} says 1.0).
     *
     * @param api the logical id of the API resource, or {@code ServerlessRestApi}/{@code ServerlessHttpApi}
     */
    record Http(String id, ApiKind kind, String method, String path, String api, String payloadFormat,
                Object auth, Position position) implements EventSource {
    }

    /** {@code Schedule}/{@code ScheduleV2}: an EventBridge expression, its constant input and whether it fires. */
    record Schedule(String id, String expression, String input, boolean enabled, String name, Position position)
            implements EventSource {
    }

    /** {@code SQS}: the queue's name (resolved from a template queue or its ARN) and the mapping's settings. */
    record Queue(String id, String queue, int batchSize, int maxBatchingWindowSeconds, boolean enabled,
                 Position position) implements EventSource {
    }

    /**
     * {@code SNS}: the topic (ARN or name) and the subscription's filter policy.
     *
     * @param filterPolicy      as written (a mapping, or a JSON string), null when none
     * @param filterPolicyScope {@code MessageAttributes} or {@code MessageBody}
     */
    record Topic(String id, String topic, Object filterPolicy, String filterPolicyScope, Position position)
            implements EventSource {
    }

    /** {@code EventBridgeRule}/{@code CloudWatchEvent}: the pattern (as written), the bus and the rule's name ("" none). */
    record BusRule(String id, String eventBus, Object pattern, String input, String name, Position position)
            implements EventSource {
    }

    /** {@code S3}: the bucket's name, its events and the key's prefix and suffix ("" for none). */
    record Bucket(String id, String bucket, java.util.List<String> events, String prefix, String suffix,
                  Position position) implements EventSource {
    }

    /**
     * {@code Kafka}, {@code SelfManagedKafka}, {@code MSK} (or an {@code AWS::Lambda::EventSourceMapping} of Kafka, in
     * the same shape): the type, topics and everything else, kept as written and read by {@code KafkaEvents}.
     */
    record Stream(String id, String type, java.util.List<String> topics, Object properties, Position position)
            implements EventSource {
    }
}
