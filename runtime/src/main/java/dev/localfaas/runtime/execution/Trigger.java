package dev.localfaas.runtime.execution;

/** What started an invocation; {@link #id()} is the name used in usage records. */
public enum Trigger {
    CLI("cli"), HTTP("http"), INVOKE("invoke"), SCHEDULE("schedule"), QUEUE("queue"),
    /** Deliveries of a topic (SNS), an event bus rule (EventBridge) and a bucket notification (S3). */
    TOPIC("topic"), EVENT("event"), BUCKET("bucket"),
    /** A batch of a Kafka event source (self-managed Kafka or MSK). */
    KAFKA("kafka");

    private final String id;

    Trigger(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
