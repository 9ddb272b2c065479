package dev.localfaas.runtime.trigger.topic;

import java.time.Instant;
import java.util.Map;

/** A message as the topic accepted it, with the id, time and sequence number every copy carries. */
record PublishedMessage(String messageId, String topicArn, PublishRequest request, Instant timestamp,
                        String sequenceNumber) {

    String message() {
        return request.message();
    }

    Map<String, TopicAttribute> attributes() {
        return request.attributes();
    }
}
