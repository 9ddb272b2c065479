package dev.localfaas.runtime.trigger.queue;

import java.util.Map;

/**
 * A message as {@code peek} shows it, without receiving it.
 *
 * @param state       {@code visible}, {@code inFlight} or {@code delayed} at the time of the peek
 * @param sourceQueue for a dead letter, the queue it came from (where redrive puts it back), else null
 */
public record StoredMessage(String messageId, String body, Map<String, MessageAttribute> attributes, String md5OfBody,
                            String senderId, long sentAt, long visibleAt, int receiveCount, Long firstReceiveAt,
                            String state, String sourceQueue) {

    public StoredMessage {
        attributes = Map.copyOf(attributes);
    }
}
