package dev.localfaas.runtime.trigger.queue;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where queues keep their messages: SQS's operations, no more. Every write is durable when the call returns.
 * Implementations are thread-safe; {@link SqliteQueueBackend} is the one that ships.
 */
public interface QueueBackend extends AutoCloseable {

    /** Makes a queue known (it shows in {@link #stats()} while empty) and records its dead-letter queue, if any. */
    void declare(String queue, Optional<String> deadLetterQueue);

    /** Stores a message; it is committed when this returns. Creates the queue if needed. */
    SentMessage send(String queue, OutgoingMessage message);

    /** Stores several messages in one commit, all or none (SendMessageBatch). */
    List<SentMessage> sendAll(String queue, List<OutgoingMessage> messages);

    /**
     * Receives visible messages, hiding them for the visibility timeout and counting the receive. When none is
     * visible, waits up to {@code waitTime} for one (long polling); returns an empty list if none came or the
     * calling thread was interrupted.
     */
    List<ReceivedMessage> receive(ReceiveRequest request, Duration waitTime);

    /** Deletes received messages; returns how many of the handles were still current. */
    int delete(String queue, Collection<String> receiptHandles);

    /** Sets when received messages become visible again ({@code Duration.ZERO} returns them now). */
    int changeVisibility(String queue, Collection<String> receiptHandles, Duration visibilityTimeout);

    /** Moves received messages to a dead-letter queue, remembering {@code queue} as their source for redrive. */
    int moveToDeadLetter(String queue, Collection<String> receiptHandles, String deadLetterQueue);

    /** A queue's attributes as the SQS API set them (empty for a queue only a trigger declared), if it exists. */
    Optional<Map<String, String>> attributes(String queue);

    /** Sets some of a queue's attributes, keeping the others; creates the queue if needed. */
    void setAttributes(String queue, Map<String, String> attributes);

    /** Deletes a queue, its messages and its deduplication history; false when there was no such queue. */
    boolean deleteQueue(String queue);

    /** Deletes every message of a queue; returns how many. */
    int purge(String queue);

    /** Up to {@code max} messages of a queue, in any state, without receiving them. */
    List<StoredMessage> peek(String queue, int max);

    /** Moves every visible dead letter in {@code deadLetterQueue} back to the queue it came from; returns how many. */
    int redrive(String deadLetterQueue);

    /** Every known queue with its counts, by name. */
    List<QueueStats> stats();

    /** Whether a queue has been declared or sent to. */
    boolean exists(String queue);

    /** Where the messages live, for people: the SQLite file, or the Kafka brokers. */
    default String location() {
        return "sqlite";
    }

    /**
     * The partitions of a queue this instance owns now ({@code topic-partition}), when the store splits a queue
     * between instances (queues on Kafka); empty when it does not (SQLite: one instance holds every message).
     */
    default Optional<List<String>> ownedPartitions(String queue) {
        return Optional.empty();
    }

    /** Finishes pending writes and releases the store; later calls fail. */
    @Override
    void close();
}
