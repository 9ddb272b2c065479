package dev.localfaas.runtime.isolation.process;

import dev.localfaas.runtime.isolation.LogWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One runtime process of an execution environment: started from a {@link LaunchPlan}, its stdout and stderr passed
 * to a {@link LogWriter} as they come (as Lambda collects a runtime's output), its memory read from {@code /proc}, and
 * its own folder (with its {@code /tmp}) deleted when it ends.
 */
public final class ChildProcess implements AutoCloseable {

    /** Processes still running, killed if the emulator exits without closing them (Ctrl-C, an uncaught error). */
    private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }), "faas-child-reaper"));
    }

    /** The descriptor a runtime that frames its log records writes them to. */
    static final int TELEMETRY_FD = 3;

    private final Process process;
    private final Path folder;
    private final OutputTail output;
    private volatile long peakKb;

    private ChildProcess(Process process, Path folder, OutputTail output) {
        this.process = process;
        this.folder = folder;
        this.output = output;
    }

    /** Starts {@code plan}; what the process prints goes to {@code output}. */
    public static ChildProcess start(LaunchPlan plan, LogWriter output) throws IOException {
        Files.createDirectories(plan.folder());
        Path log = plan.folder().resolve("output.log");
        Files.createFile(log);
        List<String> command = plan.command();
        if (plan.framedLog()) {
            // The runtime's log frames go to descriptor 3, opened on the same file as stdout and stderr (all three
            // appending), so that what a handler prints and what it logs keep their order; the shell opens it and
            // becomes the runtime (exec), which keeps the process id.
            command = new java.util.ArrayList<>(List.of("/bin/sh", "-c", "exec \"$@\" 3>>\"$0\"", log.toString()));
            command.addAll(plan.command());
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(plan.workDir().toFile());
        builder.environment().clear();
        builder.environment().putAll(plan.environment());
        if (plan.framedLog()) {
            builder.environment().put("_LAMBDA_TELEMETRY_LOG_FD", Integer.toString(TELEMETRY_FD));
        }
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            deleteTree(plan.folder());
            throw e;
        }
        LIVE.add(process);
        process.onExit().thenRun(() -> LIVE.remove(process));
        EnvironmentFolders.recordProcess(plan.folder(), process);
        return new ChildProcess(process, plan.folder(), new OutputTail(log, output, plan.framedLog()));
    }

    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** The exit status, once ended. */
    public int exitValue() {
        return process.exitValue();
    }

    /**
     * Waits until what the process wrote before now has reached the log writer: called when the runtime answered an
     * invocation, so that the handler's last lines belong to it and not to the next one.
     */
    public void drain() {
        output.readAvailable();
    }

    /**
     * The highest resident set size of the process and its children so far, in MB ({@code VmHWM} in
     * {@code /proc/PID/status}, Linux), or -1 when it cannot be read.
     */
    public long peakMemoryMb() {
        long kb = readPeakKb();
        if (kb > peakKb) {
            peakKb = kb;
        }
        return peakKb <= 0 ? -1 : (peakKb + 1023) / 1024;
    }

    private long readPeakKb() {
        long total = peakOf(process.pid());
        if (total < 0) {
            return -1;
        }
        List<ProcessHandle> children = process.descendants().toList();
        for (ProcessHandle child : children) {
            total += Math.max(0, peakOf(child.pid()));
        }
        return total;
    }

    private static long peakOf(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Kills the process and what it started, at once, and deletes its folder. */
    @Override
    public void close() {
        if (process.isAlive()) {
            peakMemoryMb();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.onExit().get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            // still dying: its folder is deleted below as far as it can be
        }
        output.close();
        deleteTree(folder);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a file the dying process still creates: left for the next clean-up
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // nothing more to do: the state dir's tmp folder is cleaned again when the emulator starts
        }
    }

    /**
     * Passes what the process wrote to its output file on to the log writer: polled every few milliseconds while it
     * runs, and read up to the end on {@link #drain}. A file rather than a pipe, so that "everything written before
     * now" is simply the file's current length.
     */
    private static final class OutputTail {
        private static final ScheduledExecutorService POLLER = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faas-child-output");
            t.setDaemon(true);
            return t;
        });

        private final FileChannel file;
        private final LogWriter output;
        /** Splits the runtime's log frames from its text, when it frames them; null when it does not. */
        private final LogFrames frames;
        private final ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        private final ScheduledFuture<?> polling;

        OutputTail(Path path, LogWriter output, boolean framed) throws IOException {
            this.file = FileChannel.open(path, StandardOpenOption.READ);
            this.output = output;
            this.frames = framed ? new LogFrames(output) : null;
            this.polling = POLLER.scheduleWithFixedDelay(this::readAvailable, 10, 10, TimeUnit.MILLISECONDS);
        }

        synchronized void readAvailable() {
            try {
                int n;
                while (file.isOpen() && (n = file.read(buffer.clear())) > 0) {
                    byte[] chunk = Arrays.copyOf(buffer.array(), n);
                    if (frames != null) {
                        frames.feed(chunk);
                    } else {
                        output.write(chunk);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the file went with its environment
            }
        }

        synchronized void close() {
            polling.cancel(false);
            readAvailable();
            if (frames != null) {
                frames.finish();
            }
            try {
                file.close();
            } catch (IOException e) {
                // nothing to release
            }
        }
    }
}
