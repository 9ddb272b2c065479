package dev.localfaas.runtime.execution;

/**
 * What an invoker can tell about a function's execution environments right now. Optional: a {@link FunctionInvoker}
 * that also implements this gets its counts shown by the gateway's {@code /_faas/functions}.
 */
public interface EnvironmentStats {

    /**
     * @param warm environments initialized and idle, ready for a warm start
     * @param busy environments running an invocation (or initializing for one)
     */
    record Counts(int warm, int busy) {
    }

    /** The counts for one function; zeros when it has no environment or is unknown. */
    Counts environments(String function);
}
