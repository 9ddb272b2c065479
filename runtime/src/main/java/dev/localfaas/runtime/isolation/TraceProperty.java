package dev.localfaas.runtime.isolation;

import java.util.Properties;

/**
 * Makes the system property {@code com.amazonaws.xray.traceHeader} answer per invocation, as the Lambda Java runtime
 * sets it per invocation (lambda-contract.md §3.1; the AWS SDK and the X-Ray SDK read it before
 * {@code _X_AMZN_TRACE_ID}). System properties are one table per JVM, and many handlers run at once here, so the
 * table is replaced, once, by a copy whose {@code getProperty} answers that one key from the calling thread; every
 * other key, and every other thread, sees the table unchanged.
 */
public final class TraceProperty {

    public static final String NAME = "com.amazonaws.xray.traceHeader";
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static volatile boolean installed;

    private TraceProperty() {
    }

    /** Installs the per-thread property once. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        Properties current = System.getProperties();
        if (!(current instanceof PerThread)) {
            PerThread table = new PerThread();
            synchronized (current) {
                table.putAll(current);
            }
            System.setProperties(table);
        }
        installed = true;
    }

    /** Sets the calling thread's trace header (null clears it); returns the previous one, to restore. */
    public static String enter(String header) {
        String previous = CURRENT.get();
        CURRENT.set(header);
        return previous;
    }

    public static void restore(String previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    private static final class PerThread extends Properties {
        @Override
        public String getProperty(String key) {
            if (NAME.equals(key)) {
                String header = CURRENT.get();
                if (header != null) {
                    return header;
                }
            }
            return super.getProperty(key);
        }
    }
}
