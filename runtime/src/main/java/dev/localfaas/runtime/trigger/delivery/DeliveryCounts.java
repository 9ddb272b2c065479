package dev.localfaas.runtime.trigger.delivery;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What happened to the messages or events offered to one subscription or rule target: matched its filter, filtered
 * out, delivered (the queue stored it, or the function's invocation succeeded, retries included), failed (every
 * attempt failed).
 */
public final class DeliveryCounts {

    /** A snapshot, for listings. */
    public record Snapshot(long matched, long filtered, long delivered, long failed) {
    }

    private final AtomicLong matched = new AtomicLong();
    private final AtomicLong filtered = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public void matched() {
        matched.incrementAndGet();
    }

    public void filtered() {
        filtered.incrementAndGet();
    }

    public void delivered() {
        delivered.incrementAndGet();
    }

    public void failed() {
        failed.incrementAndGet();
    }

    public Snapshot snapshot() {
        return new Snapshot(matched.get(), filtered.get(), delivered.get(), failed.get());
    }
}
