package dev.localfaas.runtime.metering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads {@code usage.jsonl} while it may still be growing: blank lines are skipped, a bad line is skipped with a
 * warning naming its line number, and an unfinished last line (a writer mid-write, or one stopped by a full disk) is
 * skipped with its own warning. Records stream to a consumer, so a long ledger never has to fit in memory.
 */
public final class UsageReader {
    /** Warnings kept per read; a file damaged on every line should not print a million of them. */
    static final int MAX_WARNINGS = 20;

    private UsageReader() {
    }

    /** What was read: how many records, and one warning line per line skipped (at most about 20). */
    public record Result(Path file, long records, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /** Everything in the file, in file order. */
    public static List<UsageRecord> readAll(Path file) {
        List<UsageRecord> records = new ArrayList<>();
        read(file, records::add);
        return records;
    }

    /**
     * Streams every good record of {@code file} to {@code sink}.
     *
     * @throws UncheckedIOException when the file cannot be read at all, with a one-line message
     */
    public static Result read(Path file, Consumer<UsageRecord> sink) {
        if (!file.getFileName().toString().equals(UsageLedger.FILE_NAME) || file.getParent() == null) {
            return readOne(file, sink);
        }
        // the live ledger: its rotated segments first, oldest first, then the file itself, read as one
        List<Path> segments = UsageLedger.segments(file.getParent());
        long records = 0;
        List<String> warnings = new ArrayList<>();
        for (Path segment : segments) {
            Result r = readOne(segment, sink);
            records += r.records();
            warnings.addAll(r.warnings());
        }
        if (!segments.isEmpty() && !Files.exists(file)) {
            return new Result(file, records, warnings); // rotated a moment ago, or only segments are left
        }
        Result live = readOne(file, sink);
        warnings.addAll(live.warnings());
        return new Result(file, records + live.records(), warnings);
    }

    private static Result readOne(Path file, Consumer<UsageRecord> sink) {
        Warnings warnings = new Warnings(file);
        long count = 0;
        long number = 0;
        // Lines are split on the bytes actually read: what follows the last '\n' at the moment of reading is a line
        // still being written (or torn), however the file looked before or looks after.
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) != -1) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        line.write(buffer, from, i - from);
                        number++;
                        count += accept(number, line.toString(StandardCharsets.UTF_8), sink, warnings);
                        line.reset();
                        from = i + 1;
                    }
                }
                line.write(buffer, from, n - from);
            }
            if (!line.toString(StandardCharsets.UTF_8).isBlank()) {
                warnings.add(number + 1, "incomplete last line (still being written, or the writer stopped "
                        + "mid-line); skipped");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the usage ledger (" + e.getMessage() + ")", e);
        }
        return new Result(file, count, warnings.list());
    }

    private static int accept(long number, String line, Consumer<UsageRecord> sink, Warnings warnings) {
        if (line.isBlank()) {
            return 0;
        }
        try {
            sink.accept(UsageRecordJson.parse(line));
            return 1;
        } catch (UsageRecordJson.BadRecord e) {
            warnings.add(number, e.getMessage() + "; line skipped");
            return 0;
        }
    }

    /** The first {@link #MAX_WARNINGS} warnings, then a count of the rest. */
    private static final class Warnings {
        private final Path file;
        private final List<String> kept = new ArrayList<>();
        private long more;

        Warnings(Path file) {
            this.file = file;
        }

        void add(long line, String problem) {
            if (kept.size() < MAX_WARNINGS) {
                kept.add(file + ": line " + line + ": " + problem);
            } else {
                more++;
            }
        }

        List<String> list() {
            List<String> all = new ArrayList<>(kept);
            if (more > 0) {
                all.add(file + ": " + more + " more bad lines skipped");
            }
            return all;
        }
    }
}
