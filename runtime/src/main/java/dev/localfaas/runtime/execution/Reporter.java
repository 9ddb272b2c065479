package dev.localfaas.runtime.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Takes the console log and the listeners (the usage ledger, live counters) off the response path: invocations put
 * their log lines and results on one bounded queue, in order, and one writer thread hands them on in batches —
 * lines to the {@link LogSink} with one flush per batch, results to each listener as one batch. The writer looks
 * every few milliseconds, at least every {@value #MAX_DELAY_MILLIS} ms, and {@link #close()} (the engine's close, on
 * Ctrl-C or SIGTERM too) writes everything queued before it returns.
 *
 * <p>Adding is lock-free and never wakes the writer (it wakes on its own clock): a lock or a wake-up per line would
 * cost the handlers' threads more than the line. When the queue is full, a log line is dropped and counted (the
 * count is logged when there is room again); a result is never dropped: the invocation that reports it waits for
 * room.
 */
final class Reporter implements AutoCloseable {

    static final long MAX_DELAY_MILLIS = 100;
    private static final int CAPACITY = 65_536;
    private static final long BUSY_LOOK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long IDLE_LOOK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** A log line, or a multi-line log record ({@link LogSink#record}) when {@code record}. */
    private record Line(String function, String requestId, String text, boolean record) {
    }

    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
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
        return new LogSink() {
            @Override
            public void line(String function, String text) {
                Reporter.this.line(function, null, text, false);
            }

            @Override
            public void line(String function, String requestId, String text) {
                Reporter.this.line(function, requestId, text, false);
            }

            @Override
            public void record(String function, String requestId, String text) {
                Reporter.this.line(function, requestId, text, true);
            }
        };
    }

    private void line(String function, String requestId, String text, boolean record) {
        if (closed) {
            synchronized (this) { // after close: straight through, late but not lost
                handOn(new Line(function, requestId, text, record));
                sink.flush();
            }
        } else if (size.incrementAndGet() > CAPACITY) {
            size.decrementAndGet();
            dropped.incrementAndGet();
        } else {
            queue.add(new Line(function, requestId, text, record));
        }
    }

    /** Queues a result for the listeners; waits for room rather than drop it. */
    void result(InvocationResult result) {
        while (!closed) {
            if (size.incrementAndGet() <= CAPACITY + CAPACITY / 4) { // results may use room that lines may not
                queue.add(result);
                return;
            }
            size.decrementAndGet();
            LockSupport.unpark(writer);
            LockSupport.parkNanos(BUSY_LOOK_NANOS);
        }
        synchronized (this) {
            deliver(List.of(result));
        }
    }

    /** Waits until everything queued before this call has been handed on. */
    void flush() {
        if (closed || Thread.currentThread() == writer) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        size.incrementAndGet();
        queue.add(done);
        LockSupport.unpark(writer);
        try {
            while (!done.await(MAX_DELAY_MILLIS, TimeUnit.MILLISECONDS) && writer.isAlive()) {
                LockSupport.unpark(writer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write() {
        List<Object> batch = new ArrayList<>();
        while (true) {
            boolean stopping = closed;
            for (Object item = queue.poll(); item != null; item = queue.poll()) {
                batch.add(item);
            }
            if (!batch.isEmpty()) {
                size.addAndGet(-batch.size()); // once per batch: the counter is contended by every adding thread
                synchronized (this) {
                    handOn(batch);
                }
            }
            if (stopping) {
                return; // close() set the flag before we drained: nothing added before it is left behind
            }
            LockSupport.parkNanos(batch.isEmpty() ? IDLE_LOOK_NANOS : BUSY_LOOK_NANOS);
            batch.clear();
        }
    }

    private void handOn(Line line) {
        if (line.record()) {
            sink.record(line.function(), line.requestId(), line.text());
        } else {
            sink.line(line.function(), line.requestId(), line.text());
        }
    }

    private void handOn(List<Object> batch) {
        List<InvocationResult> results = new ArrayList<>();
        for (Object item : batch) {
            if (item instanceof Line line) {
                handOn(line);
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
        closed = true;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Object> rest = new ArrayList<>(); // added by threads that had not yet seen the flag
        for (Object item = queue.poll(); item != null; item = queue.poll()) {
            rest.add(item);
        }
        synchronized (this) {
            handOn(rest);
        }
    }
}
