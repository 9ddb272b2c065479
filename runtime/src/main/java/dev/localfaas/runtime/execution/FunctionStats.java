package dev.localfaas.runtime.execution;

/** Live numbers of one function: environments warm (idle) and busy, invocations so far. */
public record FunctionStats(String function, int warm, int busy, long invocations) {
}
