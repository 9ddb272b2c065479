package dev.localfaas.runtime.execution;

/**
 * The asynchronous events of one function accepted and not yet done (running, or waiting for a retry), and how
 * long ago the oldest of them was accepted.
 */
public record EventQueueStats(String function, int depth, long oldestAgeMillis) {
}
