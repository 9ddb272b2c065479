package dev.localfaas.runtime.isolation;

/** Where an environment's log text goes: the current invocation's log. */
@FunctionalInterface
public interface LogWriter {
    void write(byte[] bytes);
}
