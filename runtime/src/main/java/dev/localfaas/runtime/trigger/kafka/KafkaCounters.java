package dev.localfaas.runtime.trigger.kafka;

import java.util.concurrent.atomic.AtomicLong;

/** What one Kafka trigger has done, for the admin API. */
final class KafkaCounters {
    final AtomicLong batches = new AtomicLong();
    final AtomicLong records = new AtomicLong();
    final AtomicLong filtered = new AtomicLong();
    final AtomicLong failedInvocations = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong sentToDestination = new AtomicLong();

    void delivered(int n) {
        batches.incrementAndGet();
        records.addAndGet(n);
    }

    void failedInvocation() {
        failedInvocations.incrementAndGet();
    }

    void skipped(int n) {
        skipped.addAndGet(n);
    }

    void sentToDestination(int n) {
        sentToDestination.addAndGet(n);
    }
}
