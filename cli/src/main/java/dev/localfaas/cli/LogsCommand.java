package dev.localfaas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.observe.LogEntry;
import dev.localfaas.runtime.observe.LogStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code faas logs}: the log store {@code faas run} writes ({@code .faas/logs/invocations.jsonl}), read while the
 * gateway runs or after it stopped, filtered, and followed with {@code -f}.
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Show the log lines of invocations that faas run served (from DIR/.faas/logs).",
        footer = {"", "Examples:", "  faas logs orders-worker --since 10m", "  faas logs -f",
                "  faas logs --request 98e1ac02-68d2-4bb3-b18c-70b4fa6855bc", "  faas logs --level ERROR --format json"})
final class LogsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FOLLOW_POLL_MILLIS = 250;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FUNCTION", description = "Only this function's lines.")
    String function;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR", defaultValue = "functions",
            description = "The functions directory faas run served (default: functions).")
    Path dir;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where faas run kept its state (default: DIR/.faas).")
    Path stateDir;

    @Option(names = {"-f", "--follow"}, description = "Keep printing lines as they are written (Ctrl-C to stop).")
    boolean follow;

    @Option(names = "--since", paramLabel = "TIME", description = "Only lines from this time on: 10m, 2h, or an ISO instant.")
    String since;

    @Option(names = "--request", paramLabel = "ID", description = "Only the lines of this request id.")
    String request;

    @Option(names = "--level", paramLabel = "LEVEL", description = "Only lines at this level or above: DEBUG, INFO, WARN, ERROR.")
    String level;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json (Lambda's JSON log format, one object a line).")
    String format;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    /** For tests: ends {@code --follow}; null follows until the process is stopped. */
    BooleanSupplier stopFollowing;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) {
            throw CliException.usage("--format " + format + " is not a format; use text or json");
        }
        if (level != null && LogEntry.rank(level) < 0) {
            throw CliException.usage("--level " + level + " is not a level; use TRACE, DEBUG, INFO, WARN, ERROR or FATAL");
        }
        Instant from = since == null ? null : TimeArgument.parse("--since", since, Instant.now());
        Path logs = (stateDir == null ? dir.resolve(".faas") : stateDir).resolve("logs");
        Path file = logs.resolve(LogStore.FILE);
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.exists(file) && !follow) {
            out.println("No logs in " + logs + " yet; faas run " + dir + " writes them there as functions run.");
            return ExitCodes.OK;
        }
        Path rolled = logs.resolve("invocations.1.jsonl");
        if (Files.exists(rolled)) {
            for (String line : Files.readAllLines(rolled, StandardCharsets.UTF_8)) {
                print(out, line, from);
            }
        }
        long position = 0;
        while (true) {
            if (Files.exists(file)) {
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                    if (raf.length() < position) {
                        position = 0; // rolled over since the last look
                    }
                    raf.seek(position);
                    byte[] rest = new byte[(int) (raf.length() - position)];
                    raf.readFully(rest);
                    int end = lastNewline(rest);
                    for (String line : new String(rest, 0, end, StandardCharsets.UTF_8).split("\n")) {
                        print(out, line, from);
                    }
                    position += end; // a half-written last line is read again whole next time
                }
            }
            out.flush();
            if (!follow || (stopFollowing != null && stopFollowing.getAsBoolean())) {
                return ExitCodes.OK;
            }
            Thread.sleep(FOLLOW_POLL_MILLIS); // polling a file: no event tells us of another process's append
        }
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    private void print(PrintWriter out, String line, Instant from) throws IOException {
        if (line.isBlank()) {
            return;
        }
        JsonNode e;
        try {
            e = JSON.readTree(line);
        } catch (IOException ex) {
            return; // a line cut by a crash mid-write: the rest of the store is still readable
        }
        String fn = e.path("function").asText();
        String requestId = e.path("requestId").asText();
        String lvl = e.path("level").asText("INFO");
        String time = e.has("timestamp") ? e.path("timestamp").asText() : e.path("time").asText();
        if ((function != null && !function.equals(fn)) || (request != null && !request.equals(requestId))
                || (level != null && LogEntry.rank(lvl) < LogEntry.rank(level))
                || (from != null && Instant.parse(time).isBefore(from))) {
            return;
        }
        if (format.equals("json")) {
            out.println(line);
        } else {
            String message = e.has("message") ? e.path("message").asText() : e.path("record").asText();
            out.println(time + " " + fn + " " + requestId + (lvl.equals("INFO") ? " " : " [" + lvl + "] ") + message);
        }
    }
}
