package dev.localfaas.runtime.execution;

import dev.localfaas.runtime.isolation.ContextValues;

/**
 * An initialized execution environment that runs one invocation at a time: a class loader in this JVM
 * ({@link ExecutionEnvironment}) or a runtime process behind the Runtime API ({@link ProcessEnvironment}).
 */
interface Environment {

    /**
     * Runs the handler with {@code event}; the response bytes, or a throwable for a failure (an
     * {@link EnvironmentFailure} when the runtime reported it).
     */
    byte[] invoke(byte[] event, ContextValues values, InvocationLog log) throws Throwable;

    String logStreamName();

    long idleNanos();

    /** Ends the environment; called once its last invocation ended, from any thread. */
    void close();

    /** The function's class loader, or null when the function runs in a process. */
    ClassLoader loader();

    /** The environment's real peak memory in MB, or -1 where it cannot be measured (a shared JVM). */
    default long maxMemoryUsedMb() {
        return -1;
    }
}
