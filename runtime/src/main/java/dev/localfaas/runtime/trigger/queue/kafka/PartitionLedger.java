package dev.localfaas.runtime.trigger.queue.kafka;

import java.util.TreeSet;

/**
 * One owned partition of a queue's topic: the offsets fetched but not yet resolved, and how far the group may commit.
 * The commit point is the lowest unresolved offset (or, with none, the offset after the last fetched record), so a
 * {@code kill -9} at any moment loses nothing: the next owner fetches from there again. Guarded by its queue's lock.
 */
final class PartitionLedger {
    final int partition;
    private final TreeSet<Long> unresolved = new TreeSet<>();
    private long fetchedUpTo = -1;
    private long committed = -1;

    PartitionLedger(int partition) {
        this.partition = partition;
    }

    void fetched(long offset) {
        unresolved.add(offset);
        fetchedUpTo = Math.max(fetchedUpTo, offset + 1);
    }

    void resolve(long offset) {
        unresolved.remove(offset);
    }

    /** Forgets every unresolved offset (after a purge: the records are gone from the log too). */
    void resolveAll() {
        unresolved.clear();
    }

    int unresolvedCount() {
        return unresolved.size();
    }

    /** The offset the group may commit now, or -1 when nothing new may be committed. */
    long commitPoint() {
        if (fetchedUpTo < 0) {
            return -1;
        }
        long point = unresolved.isEmpty() ? fetchedUpTo : unresolved.first();
        return point > committed ? point : -1;
    }

    void committed(long offset) {
        committed = Math.max(committed, offset);
    }
}
