package dev.localfaas.runtime.execution;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The deadlines of the invocations in flight, watched by one thread. Every invocation sets one and nearly all are
 * cancelled long before they fall due, so both must be cheap: setting one is a set insertion and, only when it falls
 * due before anything already watched, a wake-up of the watcher; cancelling is a removal. (A
 * {@code ScheduledThreadPoolExecutor} locks a heap on both, and wakes its thread whenever its queue was empty, which
 * under load was half a context switch per request.) The watcher sleeps until the earliest deadline and runs the
 * actions of those that have passed, on its own thread, at the deadline.
 */
final class Deadlines implements AutoCloseable {

    /** A deadline set; {@link #cancel} it when the invocation settles first. */
    static final class Deadline {
        private final long dueNanos;
        private final Runnable action;

        private Deadline(long dueNanos, Runnable action) {
            this.dueNanos = dueNanos;
            this.action = action;
        }
    }

    private final long origin = System.nanoTime();
    private final Set<Deadline> pending = ConcurrentHashMap.newKeySet();
    private final Thread watcher;
    /** When the watcher will look next, having seen every deadline set before; MAX while it looks or has none. */
    private volatile long nextLook = Long.MAX_VALUE;
    private volatile boolean closed;

    Deadlines(String threadName) {
        watcher = new Thread(this::watch, threadName);
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Runs {@code action} on the watcher's thread {@code millis} from now, unless cancelled first. */
    Deadline after(long millis, Runnable action) {
        Deadline d = new Deadline(now() + millis * 1_000_000L, action);
        pending.add(d);
        // Added before reading nextLook: either the watcher's current look sees d, or d's time is compared with the
        // time of the next look, which was fixed after a look that began after d was added.
        if (d.dueNanos < nextLook) {
            LockSupport.unpark(watcher);
        }
        return d;
    }

    void cancel(Deadline d) {
        if (d != null) {
            pending.remove(d);
        }
    }

    /** Nanoseconds since this watch began: never negative, so deadlines compare with {@code <}. */
    private long now() {
        return System.nanoTime() - origin;
    }

    private void watch() {
        while (!closed) {
            nextLook = Long.MAX_VALUE;
            long now = now();
            long next = Long.MAX_VALUE;
            for (Deadline d : pending) {
                if (d.dueNanos <= now) {
                    if (pending.remove(d)) {
                        run(d);
                    }
                } else if (d.dueNanos < next) {
                    next = d.dueNanos;
                }
            }
            nextLook = next;
            if (next == Long.MAX_VALUE) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, next - now());
            }
        }
    }

    private static void run(Deadline d) {
        try {
            d.action.run();
        } catch (RuntimeException e) {
            // as a scheduled executor would: one failed action must not stop the watch of the others
        }
    }

    /** Stops watching; deadlines not yet due never fire. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(watcher);
    }
}
