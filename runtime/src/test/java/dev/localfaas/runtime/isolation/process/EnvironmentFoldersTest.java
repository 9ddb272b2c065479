package dev.localfaas.runtime.isolation.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An emulator killed with {@code kill -9} cannot delete its environments' folders nor end their runtime processes; the
 * next one that starts a process environment on the same state dir does, and leaves alone those of an emulator still
 * running on it.
 */
class EnvironmentFoldersTest {

    @Test
    void foldersOfAGoneEmulatorAreDeletedAndTheirProcessesEnded(@TempDir Path state) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(10, TimeUnit.SECONDS));
        Process orphan = new ProcessBuilder("sleep", "600").start();
        try {
            Path stale = Files.createDirectories(state.resolve("environments/old-1a2b3c4d/tmp")).getParent();
            Files.writeString(stale.resolve("tmp/note.txt"), "left behind");
            Files.writeString(stale.resolve(EnvironmentFolders.OWNER), gone.pid() + " 0\n");
            Files.writeString(stale.resolve(EnvironmentFolders.PROCESS), orphan.pid() + " "
                    + orphan.toHandle().info().startInstant().map(Instant::toEpochMilli).orElse(0L) + "\n");
            Path mine = EnvironmentFolders.create(state, "mine"); // this JVM's: an emulator that still runs

            assertEquals(1, EnvironmentFolders.sweep(state));

            assertFalse(Files.exists(stale), "the gone emulator's folder, its tmp with it");
            assertTrue(orphan.waitFor(10, TimeUnit.SECONDS), "its runtime process was ended");
            assertTrue(Files.isDirectory(mine), "a running emulator's environment is left alone");
            assertEquals(state.toAbsolutePath().resolve("environments"), mine.getParent());
        } finally {
            orphan.destroyForcibly();
        }
    }

    @Test
    void aReusedProcessIdIsNotTakenForTheOwner(@TempDir Path state) throws Exception {
        Path stale = Files.createDirectories(state.resolve("environments/old-5e6f7a8b"));
        // this JVM's pid, but a start time that is not its own: the owner was another process that had that pid
        Files.writeString(stale.resolve(EnvironmentFolders.OWNER), ProcessHandle.current().pid() + " 1\n");
        assertEquals(1, EnvironmentFolders.sweep(state));
        assertFalse(Files.exists(stale));
        assertEquals(0, EnvironmentFolders.sweep(state.resolve("nothing-here")));
    }
}
