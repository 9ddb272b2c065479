package dev.localfaas.runtime.trigger.bucket;

import java.util.concurrent.atomic.AtomicLong;

/** S3's {@code sequencer}: a hexadecimal value that grows with every event, for ordering events of one key. */
final class SequencerClock {
    private final AtomicLong last = new AtomicLong(System.currentTimeMillis() * 1000);

    String next() {
        return String.format("%016X", last.incrementAndGet());
    }
}
