package dev.localfaas.runtime.trigger.queue;

/**
 * What {@code send} answers once the message is committed, as SQS's SendMessage does.
 *
 * @param sequenceNumber on a FIFO queue, the message's sequence number, else null
 */
public record SentMessage(String messageId, String md5OfBody, String sequenceNumber) {

    public SentMessage(String messageId, String md5OfBody) {
        this(messageId, md5OfBody, null);
    }

    /** SQS's sequence numbers are 128-bit decimals; ours are the store's row numbers, padded the same width. */
    static String sequenceNumber(long seq) {
        return String.format("%020d", seq);
    }
}
