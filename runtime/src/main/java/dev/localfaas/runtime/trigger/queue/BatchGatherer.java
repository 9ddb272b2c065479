package dev.localfaas.runtime.trigger.queue;

import dev.localfaas.runtime.function.QueueSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Gathers the next batches of a queue trigger, as Lambda's poller does: without a batching window, whatever is
 * visible now (one receive fills every free slot, cut into batches); with one, a single batch gathered until it is
 * full or the window, which starts with its first message, has passed. Every batch stays within Lambda's 6 MB
 * synchronous payload limit.
 */
final class BatchGatherer {
    /** Lambda's 6 MB synchronous payload limit caps a batch. */
    static final long MAX_BATCH_BYTES = 6_291_456;
    /** An upper bound of what one message counts against a batch: its limit plus attribute JSON and envelope. */
    private static final long LARGEST_MESSAGE = OutgoingMessage.MAX_BYTES + 16_384;

    private final QueueSpec spec;
    private final QueueBackend backend;
    private final Duration visibility;
    private final Optional<RedrivePolicy> redrive;
    private final Duration longPoll;
    private final BooleanSupplier running;

    BatchGatherer(QueueSpec spec, QueueBackend backend, Duration visibility, Optional<RedrivePolicy> redrive,
                  Duration longPoll, BooleanSupplier running) {
        this.spec = spec;
        this.backend = backend;
        this.visibility = visibility;
        this.redrive = redrive;
        this.longPoll = longPoll;
        this.running = running;
    }

    /** Up to {@code slots} batches (one with a batching window); empty when nothing came within the long poll. */
    List<List<ReceivedMessage>> next(int slots) {
        return spec.maxBatchingWindowSeconds() == 0 ? receive(slots) : gatherWindow();
    }

    /** What is visible now (waiting up to the long poll for the first message), cut into batches for the slots. */
    private List<List<ReceivedMessage>> receive(int slots) {
        long budget = slots == 1 ? MAX_BATCH_BYTES : slots * (MAX_BATCH_BYTES - LARGEST_MESSAGE);
        List<ReceivedMessage> got = backend.receive(new ReceiveRequest(spec.queue(), spec.batchSize() * slots, budget,
                visibility, redrive), longPoll);
        List<List<ReceivedMessage>> batches = new ArrayList<>();
        List<ReceivedMessage> batch = new ArrayList<>();
        long bytes = 0;
        for (ReceivedMessage m : got) {
            long size = size(m);
            if (!batch.isEmpty() && (batch.size() == spec.batchSize() || bytes + size > MAX_BATCH_BYTES)) {
                batches.add(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(m);
            bytes += size;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    /** One batch gathered over the batching window, which starts with its first message. */
    private List<List<ReceivedMessage>> gatherWindow() {
        List<ReceivedMessage> batch = new ArrayList<>();
        long bytes = 0;
        long windowEnds = 0;
        while (running.getAsBoolean() && batch.size() < spec.batchSize()) {
            Duration wait = longPoll;
            if (windowEnds != 0) {
                wait = Duration.ofNanos(windowEnds - System.nanoTime());
                if (wait.isNegative() || wait.isZero()) {
                    break;
                }
            }
            List<ReceivedMessage> got = backend.receive(new ReceiveRequest(spec.queue(), spec.batchSize() - batch.size(),
                    MAX_BATCH_BYTES - bytes, visibility, redrive), wait);
            batch.addAll(got);
            bytes += got.stream().mapToLong(BatchGatherer::size).sum();
            if (!batch.isEmpty() && windowEnds == 0) {
                windowEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(spec.maxBatchingWindowSeconds());
            }
        }
        return batch.isEmpty() ? List.of() : List.of(batch);
    }

    static long size(ReceivedMessage m) {
        return SqliteQueueBackend.budgetBytes(m.body(), AttributeCodec.toJson(m.attributes()));
    }

}
