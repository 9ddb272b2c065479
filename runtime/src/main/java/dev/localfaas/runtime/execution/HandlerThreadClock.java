package dev.localfaas.runtime.execution;

import java.lang.management.ManagementFactory;

/**
 * The figures measured on a handler's own thread around its call: CPU time (where the JVM measures it, checked
 * once) and bytes allocated. Both are one cheap read of the current thread's counters.
 */
final class HandlerThreadClock {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final boolean CPU = cpuSupported();

    private HandlerThreadClock() {
    }

    /** The current thread's CPU time in ns, or -1 when the JVM cannot tell. */
    static long cpuNanos() {
        return CPU ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    static long allocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    private static boolean cpuSupported() {
        try {
            return THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled()
                    && THREADS.getCurrentThreadCpuTime() >= 0;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}
