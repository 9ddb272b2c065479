package dev.localfaas.runtime.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Code snapshots under {@code .faas/code} do not pile up: gone when the engine closes, stale ones cleaned at start. */
class SnapshotCleanupTest {

    /** Far above any Linux pid limit: a process that cannot be running. */
    private static final long DEAD_PID = 2_147_483_000L;

    @TempDir
    Path tmp;

    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void snapshotsLeftByADeadProcessAreDeletedAtStartAndOursWhenTheEngineCloses() throws IOException {
        Path functions = Files.createDirectories(tmp.resolve("functions"));
        Files.copy(Samples.functions().resolve("hello.jar"), functions.resolve("hello.jar"));
        Path code = functions.resolve(".faas/code");
        Files.createDirectories(code.resolve("orders-" + DEAD_PID + "-7/lib"));
        Files.writeString(code.resolve("orders-" + DEAD_PID + "-7/lib/dep.jar"), "left by kill -9");
        Files.writeString(code.resolve("hello-" + DEAD_PID + "-3.jar"), "left by kill -9");
        Files.writeString(code.resolve("notes.txt"), "not a snapshot: left alone");

        try (LocalFaas faas = LocalFaas.open(RuntimeConfig.forDirectory(functions).withSnapshotJars(true))) {
            List<String> during = names(code);
            assertFalse(during.stream().anyMatch(n -> n.contains("-" + DEAD_PID + "-")), during.toString());
            String ours = "hello-" + ProcessHandle.current().pid() + "-";
            assertTrue(during.stream().anyMatch(n -> n.startsWith(ours)), during.toString());
            faas.invoke("hello", Invocation.of("{}".getBytes(), Trigger.CLI));
        }
        assertEquals(List.of("notes.txt"), names(code));
    }
}
