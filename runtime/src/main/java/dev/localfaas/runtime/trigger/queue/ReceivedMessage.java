package dev.localfaas.runtime.trigger.queue;

import java.util.Map;

/**
 * A message handed to a consumer. The receipt handle is valid until the message is received again: deleting,
 * returning or dead-lettering with an older handle does nothing, so a slow consumer cannot delete a message that
 * has since been delivered to another.
 *
 * @param sentAt         epoch ms of the send
 * @param firstReceiveAt epoch ms of the first receive
 * @param groupId        FIFO message group, or null
 * @param deduplicationId FIFO deduplication id, or null
 * @param sequenceNumber FIFO sequence number (grows with every send to the store), or null on a standard queue
 * @param traceHeader    the sender's X-Ray trace header ({@code AWSTraceHeader}), or null
 */
public record ReceivedMessage(String messageId, String receiptHandle, String body,
                              Map<String, MessageAttribute> attributes, String md5OfBody, String senderId,
                              long sentAt, int receiveCount, long firstReceiveAt, String groupId,
                              String deduplicationId, String sequenceNumber, String traceHeader) {

    public ReceivedMessage {
        attributes = Map.copyOf(attributes);
    }

    public ReceivedMessage(String messageId, String receiptHandle, String body, Map<String, MessageAttribute> attributes,
                           String md5OfBody, String senderId, long sentAt, int receiveCount, long firstReceiveAt) {
        this(messageId, receiptHandle, body, attributes, md5OfBody, senderId, sentAt, receiveCount, firstReceiveAt,
                null, null, null, null);
    }

    public ReceivedMessage(String messageId, String receiptHandle, String body, Map<String, MessageAttribute> attributes,
                           String md5OfBody, String senderId, long sentAt, int receiveCount, long firstReceiveAt,
                           String groupId, String deduplicationId, String sequenceNumber) {
        this(messageId, receiptHandle, body, attributes, md5OfBody, senderId, sentAt, receiveCount, firstReceiveAt,
                groupId, deduplicationId, sequenceNumber, null);
    }

    /** Whether {@code handle} has the form of this store's receipt handles (not whether it is still current). */
    public static boolean isReceiptHandle(String handle) {
        return MessageIds.seqOf(handle) >= 0;
    }
}
