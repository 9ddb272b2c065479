package dev.localfaas.runtime.isolation.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The folders of process environments, {@code STATE/environments/NAME-ID}, each with its {@code tmp}. An environment
 * deletes its own when it ends ({@link ChildProcess#close}); one left behind by an emulator that was killed
 * ({@code kill -9}, a crash) is deleted, and a runtime process still running in it killed, by the next emulator that
 * starts a process environment on the same state dir. Each folder says who owns it (the emulator's process id and
 * start time, so that a reused id is not taken for it), so that two emulators sharing a state dir ({@code faas run}
 * and {@code faas invoke}) never delete each other's.
 */
public final class EnvironmentFolders {

    static final String OWNER = "owner";
    static final String PROCESS = "process";
    /** A folder whose owner file is not written yet is left alone this long (it may be being created). */
    private static final Duration UNOWNED_GRACE = Duration.ofMinutes(1);

    private EnvironmentFolders() {
    }

    /** The folder under {@code stateDir} for a new environment of {@code function}, created, owned by this process. */
    public static Path create(Path stateDir, String function) throws IOException {
        Path folder = stateDir.toAbsolutePath().resolve("environments")
                .resolve(function + "-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(folder);
        write(folder.resolve(OWNER), ProcessHandle.current());
        return folder;
    }

    /** Deletes an environment's folder whose process never started (a process's own is deleted by its close). */
    public static void delete(Path folder) {
        ChildProcess.deleteTree(folder);
    }

    /** Notes the runtime process started in {@code folder}, so that a sweep can end it if its owner died. */
    static void recordProcess(Path folder, Process process) {
        try {
            write(folder.resolve(PROCESS), process.toHandle());
        } catch (IOException e) {
            // only a later sweep misses it: the process itself runs
        }
    }

    /**
     * Deletes the folders of environments whose emulator is gone, ending their runtime processes first.
     *
     * @return how many were deleted
     */
    public static int sweep(Path stateDir) {
        Path dir = stateDir.toAbsolutePath().resolve("environments");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        List<Path> folders;
        try (Stream<Path> list = Files.list(dir)) {
            folders = list.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            return 0;
        }
        int deleted = 0;
        for (Path folder : folders) {
            if (abandoned(folder)) {
                read(folder.resolve(PROCESS)).ifPresent(p -> {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                });
                ChildProcess.deleteTree(folder);
                deleted++;
            }
        }
        return deleted;
    }

    private static boolean abandoned(Path folder) {
        Path owner = folder.resolve(OWNER);
        if (!Files.exists(owner)) {
            try {
                return Files.getLastModifiedTime(folder).toInstant().isBefore(Instant.now().minus(UNOWNED_GRACE));
            } catch (IOException e) {
                return false;
            }
        }
        return read(owner).isEmpty();
    }

    /** {@code pid start-millis}: the process, and when it started, so that a reused pid is not taken for it. */
    private static void write(Path file, ProcessHandle handle) throws IOException {
        long started = handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        Files.writeString(file, handle.pid() + " " + started + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** The process a file names, if it still runs (the same one: same start time). */
    private static Optional<ProcessHandle> read(Path file) {
        try {
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split("\\s+");
            long pid = Long.parseLong(parts[0]);
            long started = Long.parseLong(parts[1]);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> started == 0
                    || h.info().startInstant().map(Instant::toEpochMilli).orElse(0L) == started);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
