package dev.localfaas.runtime.trigger.queue;

import java.util.Map;

/**
 * A message handed to a consumer. The receipt handle is valid until the message is received again: deleting,
 * returning or dead-lettering with an older handle does nothing, so a slow consumer cannot delete a message that
 * has since been delivered to another.
 *
 * @param sentAt         epoch ms of the send
 * @param firstReceiveAt epoch ms of the first receive
 */
public record ReceivedMessage(String messageId, String receiptHandle, String body,
                              Map<String, MessageAttribute> attributes, String md5OfBody, String senderId,
                              long sentAt, int receiveCount, long firstReceiveAt) {

    public ReceivedMessage {
        attributes = Map.copyOf(attributes);
    }
}
