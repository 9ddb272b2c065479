package dev.localfaas.runtime.trigger.queue;

import java.time.Clock;
import java.time.Duration;

/**
 * How the SQLite queue store behaves.
 *
 * @param syncEveryCommit true (the default) syncs the WAL to disk on every group commit, so a sent message survives a
 *                        power cut; false survives a crash of the process (kill -9) but not of the machine
 * @param pollInterval    how often an idle long-poll looks for messages that another process sent or whose
 *                        visibility timeout ran out; sends in this process wake it at once
 * @param clock           the clock for timestamps and visibility
 */
public record QueueStoreOptions(boolean syncEveryCommit, Duration pollInterval, Clock clock) {

    public static final QueueStoreOptions DEFAULTS = new QueueStoreOptions(true, Duration.ofMillis(200), Clock.systemUTC());

    public QueueStoreOptions withSyncEveryCommit(boolean sync) {
        return new QueueStoreOptions(sync, pollInterval, clock);
    }

    public QueueStoreOptions withPollInterval(Duration interval) {
        return new QueueStoreOptions(syncEveryCommit, interval, clock);
    }
}
