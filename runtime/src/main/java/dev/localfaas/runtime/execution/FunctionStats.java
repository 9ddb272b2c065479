package dev.localfaas.runtime.execution;

/**
 * Live numbers of one function: environments warm (idle) and busy, invocations so far, and handlers that ignored
 * their timeout and still run ("abandoned"; each holds a place under the function's concurrency until it returns).
 */
public record FunctionStats(String function, int warm, int busy, long invocations, int abandoned) {
}
