package dev.localfaas.runtime.observe;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.localfaas.runtime.execution.InvocationListener;
import dev.localfaas.runtime.execution.InvocationResult;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Every invocation's log records (a line, or the lines of one multi-line {@code LambdaLogger} message, which Lambda
 * keeps as one event), kept twice: the last {@value #MEMORY_LINES} in memory for the dashboard's tail, and all of them
 * appended to {@code .faas/logs/invocations.jsonl} (one JSON object a line, Lambda's JSON log fields) for
 * {@code faas logs}, which reads it while the gateway runs or after it stopped. The file is rolled to
 * {@code invocations.1.jsonl} past {@value #ROLL_BYTES} bytes. Told by the engine's reporter thread, after the
 * callers were answered.
 */
public final class LogStore implements InvocationListener, AutoCloseable {

    public static final String FILE = "invocations.jsonl";
    static final int MEMORY_LINES = 5_000;
    static final long ROLL_BYTES = 64L * 1024 * 1024;
    private static final JsonFactory JSON = new JsonFactory();

    private final Path dir;
    private final Consumer<String> notices;
    private final ArrayDeque<LogEntry> recent = new ArrayDeque<>();
    private long seq;
    private JsonGenerator out;
    private Counting written;
    private boolean failed;

    /** A store writing under {@code dir} ({@code .faas/logs}); null keeps the lines in memory only. */
    public LogStore(Path dir, Consumer<String> notices) {
        this.dir = dir;
        this.notices = notices;
    }

    @Override
    public void onInvocation(InvocationResult r) {
        onInvocations(List.of(r));
    }

    @Override
    public synchronized void onInvocations(List<InvocationResult> results) {
        for (InvocationResult r : results) {
            if (r.log() == null || r.log().isEmpty()) {
                continue;
            }
            long start = r.start().toEpochMilli();
            long end = start + Math.round(r.durationMs());
            String traceId = r.trace() == null ? null : r.trace().root();
            String[] lines = r.log().split("\n");
            java.util.Set<Integer> continued = r.continuedLines().isEmpty() ? java.util.Set.of()
                    : new java.util.HashSet<>(r.continuedLines());
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (continued.contains(i + 1)) { // a multi-line log record is one entry, as Lambda keeps one event
                    StringBuilder record = new StringBuilder(line);
                    while (continued.contains(i + 1) && i + 1 < lines.length) {
                        record.append('\n').append(lines[++i]);
                    }
                    line = record.toString();
                }
                if (line.isBlank()) {
                    continue;
                }
                LineKind kind = LineKind.of(line, r.failed());
                long at = kind.type().equals("platform.runtimeDone") || kind.type().equals("platform.report") ? end : start;
                add(new LogEntry(++seq, at, r.function(), r.requestId(), kind.level(), kind.type(), kind.message(),
                        traceId));
            }
        }
        flushFile();
    }

    private void add(LogEntry e) {
        recent.addLast(e);
        if (recent.size() > MEMORY_LINES) {
            recent.removeFirst();
        }
        write(e);
    }

    /** The latest entries after {@code afterSeq} that {@code filter} accepts, oldest first, at most {@code limit}. */
    public synchronized List<LogEntry> tail(long afterSeq, Predicate<LogEntry> filter, int limit) {
        List<LogEntry> out = new ArrayList<>();
        var it = recent.descendingIterator();
        while (it.hasNext() && out.size() < limit) {
            LogEntry e = it.next();
            if (e.seq() <= afterSeq) {
                break;
            }
            if (filter.test(e)) {
                out.add(e);
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }

    public synchronized long lastSeq() {
        return seq;
    }

    private void write(LogEntry e) {
        if (dir == null || failed) {
            return;
        }
        try {
            if (out == null || written.bytes > ROLL_BYTES) {
                open();
            }
            LogLines.write(out, e);
            out.writeRaw('\n');
        } catch (IOException ex) {
            failed = true;
            notices.accept("cannot write the log store " + dir.resolve(FILE) + " (" + ex.getMessage()
                    + "); the dashboard still shows logs, faas logs will not");
        }
    }

    private void open() throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        if (out != null) {
            out.close();
            Files.move(file, dir.resolve("invocations.1.jsonl"), StandardCopyOption.REPLACE_EXISTING);
        }
        written = new Counting(new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND), 64 * 1024),
                Files.size(file));
        out = JSON.createGenerator(written, JsonEncoding.UTF8);
        out.setRootValueSeparator(null); // each object ends its own line
    }

    private void flushFile() {
        if (out != null && !failed) {
            try {
                out.flush();
            } catch (IOException e) {
                failed = true;
                notices.accept("cannot write the log store " + dir.resolve(FILE) + " (" + e.getMessage() + ")");
            }
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the lines already flushed are what a reader gets
            }
            out = null;
        }
    }

    /** The bytes written to the current file, for rolling it: counted as they pass to the file. */
    private static final class Counting extends FilterOutputStream {

        private long bytes;

        Counting(OutputStream out, long bytes) {
            super(out);
            this.bytes = bytes;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }
    }
}
