package dev.localfaas.runtime.trigger.queue;

import dev.localfaas.runtime.execution.FunctionInvoker;
import dev.localfaas.runtime.execution.Invocation;
import dev.localfaas.runtime.execution.TraceLink;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.execution.UnknownFunctionException;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.trigger.delivery.Workers;
import dev.localfaas.runtime.function.QueueSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One queue trigger of one function, as Lambda's SQS event source mapping: a poller gathers batches
 * ({@link BatchGatherer}) and up to the function's concurrency batches run at once. Success deletes the batch; an error, timeout or throttle leaves it to reappear after the visibility
 * timeout; a partial batch response leaves only the failed messages. A failed message that has used up its receives
 * goes to the dead-letter queue at once (SQS would move it on its next receive).
 */
final class QueueConsumer implements Workers.Worker {
    private final FunctionSpec function;
    private final QueueSpec spec;
    private final QueueBackend backend;
    private final FunctionInvoker invoker;
    private final SqsEventEncoder encoder;
    private final Consumer<String> notices;
    private final Duration longPoll;
    private final Optional<RedrivePolicy> redrive;
    private final BatchGatherer gatherer;
    private final int maxConcurrentBatches;
    private final Semaphore permits;
    private final ExecutorService invocations;
    private final Thread poller;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile boolean running = true;

    QueueConsumer(FunctionSpec function, QueueSpec spec, QueueBackend backend, FunctionInvoker invoker,
                  QueueSettings settings, Consumer<String> notices) {
        this.function = function;
        this.spec = spec;
        this.backend = backend;
        this.invoker = invoker;
        this.encoder = new SqsEventEncoder(settings);
        this.notices = notices;
        this.longPoll = settings.longPoll();
        this.redrive = QueueTriggerRules.deadLetterQueue(spec).map(d -> new RedrivePolicy(d, spec.maxReceiveCount()));
        this.gatherer = new BatchGatherer(spec, backend, effectiveVisibility(function, spec), redrive, longPoll,
                () -> running);
        this.maxConcurrentBatches = function.concurrency() > 0 ? function.concurrency() : settings.defaultConcurrency();
        this.permits = new Semaphore(maxConcurrentBatches);
        String name = "faas-queue-" + spec.queue() + "-" + function.name();
        this.invocations = Executors.newFixedThreadPool(maxConcurrentBatches, r -> daemon(r, name));
        this.poller = daemon(this::poll, name + "-poller");
    }

    /** As Lambda: when window + function timeout exceed the visibility timeout, messages stay hidden 30 s longer. */
    static Duration effectiveVisibility(FunctionSpec function, QueueSpec spec) {
        int needed = spec.maxBatchingWindowSeconds() + function.timeoutSeconds();
        return Duration.ofSeconds(needed > spec.visibilityTimeoutSeconds() ? needed + 30 : spec.visibilityTimeoutSeconds());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void start() {
        backend.declare(spec.queue(), redrive.map(RedrivePolicy::deadLetterQueue));
        poller.start();
    }

    private void poll() {
        while (running) {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                return;
            }
            // Without a batching window, one receive fills every free slot: fewer round trips to the store.
            int slots = 1;
            while (spec.maxBatchingWindowSeconds() == 0 && slots < maxConcurrentBatches && permits.tryAcquire()) {
                slots++;
            }
            List<List<ReceivedMessage>> batches = List.of();
            try {
                batches = gatherer.next(slots);
            } catch (RuntimeException e) {
                notices.accept(function.name() + ": cannot receive from queue " + spec.queue() + ": " + e.getMessage());
                pause();
            }
            int used = 0;
            for (List<ReceivedMessage> batch : batches) {
                if (running && used < slots) {
                    dispatch(batch);
                    used++;
                } else {
                    giveBack(batch);
                }
            }
            permits.release(slots - used);
        }
    }

    private void dispatch(List<ReceivedMessage> batch) {
        try {
            invocations.execute(() -> {
                inFlight.incrementAndGet();
                try {
                    handle(batch);
                } finally {
                    inFlight.decrementAndGet();
                    permits.release();
                }
            });
        } catch (RejectedExecutionException e) { // stopped while gathering
            giveBack(batch);
            permits.release();
        }
    }

    private void handle(List<ReceivedMessage> batch) {
        batches.incrementAndGet();
        Set<String> ids = batch.stream().map(ReceivedMessage::messageId).collect(Collectors.toSet());
        BatchResponse response = invoke(batch, ids);
        if (response.problem() != null) {
            notices.accept(function.name() + ": " + response.problem() + "; all " + batch.size()
                    + " messages of the batch will be retried");
        }
        List<String> done = new ArrayList<>();
        List<String> dead = new ArrayList<>();
        for (ReceivedMessage m : batch) {
            if (!response.failedIds().contains(m.messageId())) {
                done.add(m.receiptHandle());
            } else if (redrive.isPresent() && m.receiveCount() >= redrive.get().maxReceiveCount()) {
                dead.add(m.receiptHandle());
            }
        }
        try {
            deleted.addAndGet(backend.delete(spec.queue(), done));
            failed.addAndGet(batch.size() - done.size());
            if (!dead.isEmpty()) {
                int moved = backend.moveToDeadLetter(spec.queue(), dead, redrive.get().deadLetterQueue());
                deadLettered.addAndGet(moved);
                notices.accept(function.name() + ": moved " + moved + " message(s) of queue " + spec.queue()
                        + " to dead-letter queue " + redrive.get().deadLetterQueue() + " after "
                        + redrive.get().maxReceiveCount() + " receives");
            }
        } catch (RuntimeException e) {
            notices.accept(function.name() + ": cannot settle a batch of queue " + spec.queue() + " (" + e.getMessage()
                    + "); its messages reappear after the visibility timeout");
        }
    }

    private BatchResponse invoke(List<ReceivedMessage> batch, Set<String> ids) {
        try {
            byte[] event = encoder.encode(spec.queue(), batch);
            InvocationResult result = invoker.invoke(function.name(), Invocation.of(event, Trigger.QUEUE)
                    .withTrace(traceOf(batch)));
            return result.failed() ? BatchResponse.allFailed(ids, null) : BatchResponse.read(result.payload(), ids);
        } catch (UnknownFunctionException e) {
            return BatchResponse.allFailed(ids, "the function is no longer loaded");
        } catch (RuntimeException e) {
            return BatchResponse.allFailed(ids, "invocation failed: " + e);
        }
    }

    /**
     * The trace the batch's invocation continues: the first message that carries an {@code AWSTraceHeader} (one
     * invocation cannot join several traces; the others' senders still show the message in their own), else a new one.
     */
    private TraceLink traceOf(List<ReceivedMessage> batch) {
        for (ReceivedMessage m : batch) {
            if (m.traceHeader() != null) {
                return TraceLink.via(m.traceHeader(), "queue " + spec.queue(), m.sentAt());
            }
        }
        return TraceLink.via(null, "queue " + spec.queue(), batch.get(0).sentAt());
    }

    private void giveBack(List<ReceivedMessage> batch) {
        try {
            backend.changeVisibility(spec.queue(), batch.stream().map(ReceivedMessage::receiptHandle).toList(),
                    Duration.ZERO);
        } catch (RuntimeException e) {
            // they reappear after the visibility timeout anyway
        }
    }

    private void pause() {
        try {
            Thread.sleep(longPoll.toMillis()); // back off after a store failure instead of spinning
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops polling; batches in flight finish (up to the function's timeout and a grace) before this returns. */
    @Override
    public void stop() {
        running = false;
        poller.interrupt();
    }

    @Override
    public boolean awaitStopped(Duration grace) {
        try {
            poller.join(grace.toMillis());
            invocations.shutdown();
            return invocations.awaitTermination(function.timeoutSeconds() * 1000L + grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    ConsumerInfo info() {
        return new ConsumerInfo(function.name(), spec.queue(), spec.batchSize(), spec.maxBatchingWindowSeconds(),
                maxConcurrentBatches, inFlight.get(), batches.get(), deleted.get(),
                failed.get(), deadLettered.get());
    }
}
