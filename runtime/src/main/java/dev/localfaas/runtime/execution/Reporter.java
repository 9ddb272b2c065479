package dev.localfaas.runtime.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Takes the console log and the listeners (the usage ledger, live counters) off the response path: invocations put
 * their log lines and results on one bounded queue, in order, and one writer thread hands them on in batches —
 * lines to the {@link LogSink} with one flush per batch, results to each listener as one batch. The writer looks
 * at least every {@value #MAX_DELAY_MILLIS} ms, and {@link #close()} (the engine's close, on Ctrl-C or SIGTERM too)
 * writes everything queued before it returns.
 *
 * <p>When the queue is full, a log line is dropped and counted (the count is logged when there is room again);
 * a result is never dropped: the invocation that reports it waits for room.
 */
final class Reporter implements AutoCloseable {

    static final long MAX_DELAY_MILLIS = 100;
    private static final int CAPACITY = 65_536;
    private static final int BATCH = 4_096;

    private record Line(String function, String text) {
    }

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final LogSink sink;
    private final Supplier<List<InvocationListener>> listeners;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;

    Reporter(LogSink sink, Supplier<List<InvocationListener>> listeners) {
        this.sink = sink;
        this.listeners = listeners;
        this.writer = new Thread(this::write, "faas-reporter");
        writer.setDaemon(true);
        writer.start();
    }

    /** The sink invocations write their log lines to: queued, never blocking. */
    LogSink sink() {
        return this::line;
    }

    private void line(String function, String text) {
        if (closed || !queue.offer(new Line(function, text))) {
            if (closed) {
                sink.line(function, text); // after close: straight through, late but not lost
                sink.flush();
            } else {
                dropped.incrementAndGet();
            }
        }
    }

    /** Queues a result for the listeners; waits for room rather than drop it. */
    void result(InvocationResult result) {
        if (closed) {
            deliver(List.of(result));
            return;
        }
        try {
            queue.put(result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deliver(List.of(result)); // a record is worth more than the caller's hurry
        }
    }

    /** Waits until everything queued before this call has been handed on. */
    void flush() {
        if (closed || Thread.currentThread() == writer) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        try {
            queue.put(done);
            while (!done.await(MAX_DELAY_MILLIS, TimeUnit.MILLISECONDS) && writer.isAlive()) {
                // the writer is busy with what came before
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write() {
        List<Object> batch = new ArrayList<>(BATCH);
        while (true) {
            try {
                Object first = queue.poll(MAX_DELAY_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closed) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                // close() interrupts only to hurry us; drain what is left below
            }
            queue.drainTo(batch, BATCH - batch.size());
            handOn(batch);
            batch.clear();
            if (closed && queue.isEmpty()) {
                return;
            }
        }
    }

    private void handOn(List<Object> batch) {
        List<InvocationResult> results = new ArrayList<>();
        for (Object item : batch) {
            if (item instanceof Line line) {
                sink.line(line.function(), line.text());
            } else if (item instanceof InvocationResult result) {
                results.add(result);
            } else if (item instanceof CountDownLatch marker) {
                deliver(results);
                results.clear();
                sink.flush();
                marker.countDown();
            }
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            sink.line("faas", "localfaas: WARNING " + lost + " log line" + (lost == 1 ? " was" : "s were")
                    + " dropped: the console could not keep up (usage records are never dropped)");
        }
        sink.flush();
        deliver(results);
    }

    private void deliver(List<InvocationResult> results) {
        if (results.isEmpty()) {
            return;
        }
        for (InvocationListener listener : listeners.get()) {
            try {
                listener.onInvocations(results);
            } catch (RuntimeException e) {
                sink.line("faas", "localfaas: WARNING a listener failed on " + results.get(0).function() + ": " + e);
            }
        }
    }

    /** Hands on everything queued, then stops the writer. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        flush();
        closed = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // whatever slipped in between the flush and the flag
        List<Object> rest = new ArrayList<>();
        queue.drainTo(rest);
        handOn(rest);
    }
}
