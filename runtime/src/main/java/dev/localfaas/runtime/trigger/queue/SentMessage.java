package dev.localfaas.runtime.trigger.queue;

/** What {@code send} answers once the message is committed, as SQS's SendMessage does. */
public record SentMessage(String messageId, String md5OfBody) {
}
