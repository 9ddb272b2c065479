package dev.localfaas.runtime.trigger.queue.kafka;

import dev.localfaas.runtime.trigger.queue.MessageAttribute;
import dev.localfaas.runtime.trigger.queue.ReceivedMessage;
import dev.localfaas.runtime.trigger.queue.StoredMessage;
import java.util.Map;

/**
 * A record of a queue's topic that this instance has fetched and not yet resolved (deleted, re-produced or moved to a
 * dead-letter topic): its offset holds the partition's commit point back. Mutable, guarded by its {@link KafkaQueue}'s
 * lock.
 */
final class PendingMessage {
    enum State { DELAYED, VISIBLE, IN_FLIGHT, MOVING }

    final PartitionLedger ledger;
    final long offset;
    final QueueRecord record;
    State state;
    /** Receives so far, this one included once received (the record's header holds those before it was fetched). */
    int receives;
    long firstReceiveAt;
    long visibleAt;
    long deadline;
    String receiptHandle;

    PendingMessage(PartitionLedger ledger, long offset, QueueRecord record) {
        this.ledger = ledger;
        this.offset = offset;
        this.record = record;
        this.receives = record.receives();
        this.firstReceiveAt = record.firstReceiveAt();
        this.visibleAt = record.visibleAt();
    }

    ReceivedMessage received() {
        return new ReceivedMessage(record.messageId(), receiptHandle, record.body(), record.attributes(),
                record.md5OfBody(), record.senderId(), record.sentAt(), receives, firstReceiveAt, record.groupId(),
                record.deduplicationId(), record.groupId() == null ? null : String.format("%020d", offset),
                record.traceHeader());
    }

    StoredMessage stored() {
        String shown = switch (state) {
            case DELAYED -> "delayed";
            case VISIBLE -> "visible";
            case IN_FLIGHT, MOVING -> "inFlight";
        };
        return new StoredMessage(record.messageId(), record.body(), record.attributes(), record.md5OfBody(),
                record.senderId(), record.sentAt(), state == State.IN_FLIGHT ? deadline : visibleAt, receives,
                firstReceiveAt == 0 ? null : firstReceiveAt, shown, record.sourceQueue());
    }

    /** The record as it is produced again: same message, the receives so far, visible at once. */
    QueueRecord again() {
        return record.withReceives(receives, firstReceiveAt);
    }

    Map<String, MessageAttribute> attributes() {
        return record.attributes();
    }
}
