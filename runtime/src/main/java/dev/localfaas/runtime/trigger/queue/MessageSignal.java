package dev.localfaas.runtime.trigger.queue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes long-polling receivers when a commit made messages visible in this process. A version number taken before
 * looking means a commit between the look and the wait is never missed. Sends from other processes are not seen
 * here; receivers also poll on an interval for them.
 */
final class MessageSignal {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long version;

    long version() {
        lock.lock();
        try {
            return version;
        } finally {
            lock.unlock();
        }
    }

    void signal() {
        lock.lock();
        try {
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the version moves past {@code seen} or the time is up; false when interrupted. */
    boolean awaitChange(long seen, long timeoutNanos) {
        lock.lock();
        try {
            long left = timeoutNanos;
            while (version == seen && left > 0) {
                left = changed.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    static long nanos(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis));
    }
}
