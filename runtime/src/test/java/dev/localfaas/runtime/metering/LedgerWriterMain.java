package dev.localfaas.runtime.metering;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A child process for {@link LedgerSurvivesCtrlCTest}: four threads append records until the process is stopped;
 * on the way out a shutdown hook writes how many appends had completed.
 */
public final class LedgerWriterMain {
    private LedgerWriterMain() {
    }

    public static void main(String[] args) {
        Path stateDir = Path.of(args[0]);
        AtomicLong completed = new AtomicLong();
        UsageLedger ledger = UsageLedger.open(stateDir, System.err::println);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.writeString(stateDir.resolve("completed"), Long.toString(completed.get()));
            } catch (IOException e) {
                e.printStackTrace();
            }
        }));
        for (int t = 0; t < 4; t++) {
            String fn = "fn-" + t;
            Thread writer = new Thread(() -> {
                while (true) {
                    ledger.append(Records.ok(fn, 1.5, 128));
                    completed.incrementAndGet();
                }
            });
            writer.start(); // not a daemon: the writers keep the JVM alive until the signal
        }
    }
}
