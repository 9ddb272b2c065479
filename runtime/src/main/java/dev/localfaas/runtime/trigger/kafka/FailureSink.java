package dev.localfaas.runtime.trigger.kafka;

import dev.localfaas.runtime.trigger.queue.OutgoingMessage;
import dev.localfaas.runtime.trigger.queue.QueueBackend;
import dev.localfaas.runtime.trigger.topic.PublishRequest;
import dev.localfaas.runtime.trigger.topic.Topics;

/** Where a Kafka trigger sends the record of a batch that used up its retries: a local queue or topic. */
@FunctionalInterface
public interface FailureSink {

    /** Refuses every destination (a trigger that names one then reports the batch as discarded). */
    FailureSink NONE = (destination, json) -> {
        throw new IllegalStateException("no queues or topics are served here");
    };

    /**
     * @param destination {@code queue:NAME} or {@code topic:NAME}
     * @param json        the invocation record
     */
    void send(String destination, String json);

    /** Queues into the queue store, topics through the topics (and so to their subscribers). */
    static FailureSink of(QueueBackend queues, Topics topics) {
        return (destination, json) -> {
            String name = destination.substring(destination.indexOf(':') + 1);
            if (destination.startsWith("queue:")) {
                queues.send(name, OutgoingMessage.of(json));
            } else {
                topics.publish(name, PublishRequest.of(json));
            }
        };
    }
}
