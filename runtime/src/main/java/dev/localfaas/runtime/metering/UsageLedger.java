package dev.localfaas.runtime.metering;

import dev.localfaas.runtime.execution.InvocationListener;
import dev.localfaas.runtime.execution.InvocationResult;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Appends one usage record per invocation to {@code usage.jsonl}, as the invocation completes.
 *
 * <p>Each line goes to the operating system in one {@code write} on a file opened for append, with no buffer in
 * this process: once {@link #onInvocation} returns the record survives Ctrl-C or {@code kill -9} of the JVM, and a
 * reader (or a second process appending to the same file, such as {@code faas invoke} beside {@code faas run})
 * sees whole lines only. A {@code FileOutputStream} rather than a {@code FileChannel} because the engine may
 * interrupt an invoking thread on timeout, and an interrupt closes a channel.
 *
 * <p>The file is rotated ({@link LedgerRotation}): past a size, or on a new UTC day, it is renamed into a segment
 * {@code usage-<time>-<pid>.jsonl} and a fresh {@code usage.jsonl} begun; segments older than the retention are
 * deleted. {@link UsageReader} reads the segments and the live file as one ledger.
 */
public final class UsageLedger implements InvocationListener, AutoCloseable {
    /** The file name inside the state directory. */
    public static final String FILE_NAME = "usage.jsonl";
    /** The state directory inside a functions directory, unless {@code --state-dir} moves it. */
    public static final String STATE_DIR = ".faas";

    /** Segments are {@code usage-<UTC time>-<pid>.jsonl}: their names sort in the order they were written. */
    static final String SEGMENT_PREFIX = "usage-";
    private static final DateTimeFormatter SEGMENT_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private FileOutputStream out;
    private final Consumer<String> warnings;
    private final LedgerRotation rotation;
    private long size;
    private LocalDate day;
    private boolean closed;
    private boolean failed;

    private UsageLedger(Path file, FileOutputStream out, Consumer<String> warnings, LedgerRotation rotation)
            throws IOException {
        this.file = file;
        this.out = out;
        this.warnings = warnings;
        this.rotation = rotation;
        this.size = Files.size(file);
        this.day = utcDay(Files.getLastModifiedTime(file).toMillis());
        deleteExpiredSegments();
    }

    /** {@code <functionsDir>/.faas}: where the ledger and other state live by default. */
    public static Path defaultStateDir(Path functionsDir) {
        return functionsDir.resolve(STATE_DIR);
    }

    /** {@code <stateDir>/usage.jsonl}. */
    public static Path fileIn(Path stateDir) {
        return stateDir.resolve(FILE_NAME);
    }

    /**
     * Opens (creating the directory and file if needed) {@code <stateDir>/usage.jsonl} for appending.
     *
     * @param warnings where a failure to write a record is reported (one line); the invocation itself never fails
     * @throws UncheckedIOException when the directory or file cannot be created, with a one-line message
     */
    public static UsageLedger open(Path stateDir, Consumer<String> warnings) {
        return open(stateDir, LedgerRotation.defaults(), warnings);
    }

    /** As {@link #open(Path, Consumer)}, rotating as {@code rotation} says. */
    public static UsageLedger open(Path stateDir, LedgerRotation rotation, Consumer<String> warnings) {
        Path file = fileIn(stateDir);
        try {
            Files.createDirectories(stateDir);
            endTornLine(file);
            return new UsageLedger(file, new FileOutputStream(file.toFile(), true), warnings, rotation);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot open the usage ledger (" + e.getMessage()
                    + "); check that the directory is writable or move it with --state-dir", e);
        }
    }

    /**
     * A line left without its newline (the disk filled up mid-write) would swallow the next record; ending it
     * first keeps the damage to that one line, which readers skip with a warning.
     */
    private static void endTornLine(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(raf.length() - 1);
            if (raf.read() != '\n') {
                raf.seek(raf.length());
                raf.write('\n');
            }
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void onInvocation(InvocationResult result) {
        append(UsageRecord.of(result));
    }

    /** A batch from the engine's writer thread: all its records in one write. */
    @Override
    public void onInvocations(List<InvocationResult> results) {
        if (results.size() == 1) {
            onInvocation(results.get(0));
            return;
        }
        List<UsageRecord> records = new ArrayList<>(results.size());
        results.forEach(r -> records.add(UsageRecord.of(r)));
        write(UsageRecordJson.lines(records), records.get(records.size() - 1));
    }

    /** Appends one record as one whole line. */
    public void append(UsageRecord record) {
        write(UsageRecordJson.lines(List.of(record)), record);
    }

    /** Writes whole lines in one {@code write}; {@code record} names them in a warning. */
    private void write(byte[] line, UsageRecord record) {
        synchronized (this) {
            if (closed) {
                warnings.accept(file + ": usage ledger is closed; record of " + record.function() + " request "
                        + record.requestId() + " dropped");
                return;
            }
            try {
                rotateIfDue(line.length);
                out.write(line);
                size += line.length;
                failed = false;
            } catch (IOException e) {
                if (!failed) {
                    warnings.accept(file + ": cannot append usage record (" + e.getMessage() + "); invocations go "
                            + "on, but their usage is not recorded until the file is writable again");
                }
                failed = true;
            }
        }
    }

    /** Segments of the ledger in {@code stateDir}, oldest first (not the live {@code usage.jsonl}). */
    public static List<Path> segments(Path stateDir) {
        try (Stream<Path> files = Files.list(stateDir)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(SEGMENT_PREFIX) && n.endsWith(".jsonl");
            }).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void rotateIfDue(int nextLine) throws IOException {
        long now = System.currentTimeMillis();
        boolean newDay = rotation.daily() && !utcDay(now).equals(day);
        if (size == 0 || !newDay && size + nextLine <= rotation.maxBytes()) {
            day = size == 0 ? utcDay(now) : day;
            return;
        }
        Path segment = freeSegment(now);
        out.close();
        try {
            Files.move(file, segment); // a second process appending keeps writing to the segment: still read as one
            size = 0;
            day = utcDay(now);
        } catch (IOException e) {
            // Never lose a record to a failed rotation: keep appending to the live file and try again next time.
            warnings.accept(file + ": cannot rotate the usage ledger into " + segment.getFileName() + " ("
                    + e.getMessage() + "); records go on into " + file.getFileName());
        } finally {
            out = new FileOutputStream(file.toFile(), true);
        }
        deleteExpiredSegments();
    }

    /**
     * The segment name for a rotation at {@code millis}, moved on by a millisecond while taken: a fast writer rotates
     * more than once a millisecond, and names must stay unique and in the order written.
     */
    private Path freeSegment(long millis) {
        long pid = ProcessHandle.current().pid();
        for (long t = millis; ; t++) {
            Path segment = file.resolveSibling(SEGMENT_PREFIX + SEGMENT_TIME.format(Instant.ofEpochMilli(t)) + "-" + pid
                    + ".jsonl");
            if (!Files.exists(segment)) {
                return segment;
            }
        }
    }

    private void deleteExpiredSegments() {
        long oldest = System.currentTimeMillis() - rotation.retention().toMillis();
        for (Path segment : segments(file.getParent())) {
            try {
                if (Files.getLastModifiedTime(segment).toMillis() < oldest) {
                    Files.delete(segment);
                }
            } catch (IOException e) {
                warnings.accept(segment + ": cannot delete an expired usage segment (" + e.getMessage() + ")");
            }
        }
    }

    private static LocalDate utcDay(long millis) {
        return Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            warnings.accept(file + ": closing the usage ledger failed (" + e.getMessage() + ")");
        }
    }
}
