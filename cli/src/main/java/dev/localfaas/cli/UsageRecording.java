package dev.localfaas.cli;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.metering.LedgerRotation;
import dev.localfaas.runtime.metering.UsageLedger;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Records every invocation of a command into the usage ledger ({@code <state dir>/usage.jsonl}) while it runs. */
final class UsageRecording implements AutoCloseable {
    private final LocalFaas faas;
    private final UsageLedger ledger;

    private UsageRecording(LocalFaas faas, UsageLedger ledger) {
        this.faas = faas;
        this.ledger = ledger;
    }

    /** Recording with warnings (a record that could not be written) on the process's stderr. */
    static UsageRecording open(LocalFaas faas, RuntimeConfig config) {
        return open(faas, config, line -> System.err.println("faas: warning: " + line));
    }

    /**
     * @throws CliException (exit 2) when the ledger cannot be opened, naming the file
     */
    static UsageRecording open(LocalFaas faas, RuntimeConfig config, Consumer<String> warnings) {
        return open(faas, config, LedgerRotation.defaults(), warnings);
    }

    /** As above, rotating {@code usage.jsonl} as {@code rotation} says ({@code faas run --usage-retention}). */
    static UsageRecording open(LocalFaas faas, RuntimeConfig config, LedgerRotation rotation,
                               Consumer<String> warnings) {
        UsageLedger ledger;
        try {
            ledger = UsageLedger.open(config.stateDir(), rotation, warnings);
        } catch (UncheckedIOException e) {
            throw CliException.usage(e.getMessage());
        }
        faas.addListener(ledger);
        return new UsageRecording(faas, ledger);
    }

    @Override
    public void close() {
        faas.flush(); // records still on their way to the ledger are written before it closes
        faas.removeListener(ledger);
        ledger.close();
    }
}
