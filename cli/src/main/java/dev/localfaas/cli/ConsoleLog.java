package dev.localfaas.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.execution.LogSink;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.observe.JsonLine;
import dev.localfaas.runtime.observe.LineKind;
import dev.localfaas.runtime.observe.LogLines;
import dev.localfaas.runtime.observe.PlatformRecord;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The live console of {@code faas run}: each log line of each invocation, in Lambda's TEXT format after the
 * function's name (in a column wide enough for every name, coloured on a terminal) or as one JSON object a line in
 * Lambda's JSON log format with the name in {@code function}; lines below the function's levels are left out, and
 * with {@code --quiet} every invocation line is (the log store and the dashboard still get them all: they listen to
 * the engine, not to this). The engine writes lines in batches from its reporter thread and flushes once per batch.
 */
final class ConsoleLog implements LogSink {

    private static final String NEWLINE = System.lineSeparator();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Lines the runtime writes under this name are its own warnings (lines dropped, a listener failed). */
    private static final String RUNTIME = "faas";

    private final PrintWriter out;
    private final boolean colour;
    private final boolean quiet;
    private final ConsoleSettings fallback;
    private final Map<String, ConsoleSettings> settings = new ConcurrentHashMap<>();
    private final Map<String, String> prefixes = new ConcurrentHashMap<>();
    private volatile int width = 1;
    private volatile Function<FunctionSpec, ConsoleSettings> settingsOf;

    /**
     * @param fallback the settings of a name no function has (the runtime's own warnings, a function gone in a
     *                 reload whose thread still prints)
     */
    ConsoleLog(PrintWriter out, ConsoleSettings fallback, boolean colour, boolean quiet) {
        this.out = out;
        this.fallback = fallback;
        this.colour = colour && !fallback.json();
        this.quiet = quiet;
        this.settingsOf = f -> fallback;
    }

    /** A plain console: Lambda's TEXT format, every line, no colour. */
    ConsoleLog(PrintWriter out) {
        this(out, ConsoleSettings.TEXT, false, false);
    }

    /** How each function's settings are found (its LoggingConfig under the options); until told, the fallback. */
    ConsoleLog settingsBy(Function<FunctionSpec, ConsoleSettings> settingsOf) {
        this.settingsOf = settingsOf;
        return this;
    }

    /** Takes the functions served now: the column width, and each one's format and levels. */
    void widen(List<FunctionSpec> functions) {
        width = Math.max(width, functions.stream().mapToInt(f -> f.name().length()).max().orElse(1));
        prefixes.clear();
        for (FunctionSpec f : functions) {
            settings.put(f.name(), settingsOf.apply(f));
        }
    }

    @Override
    public void line(String function, String line) {
        line(function, null, line);
    }

    @Override
    public void line(String function, String requestId, String line) {
        boolean runtime = function.equals(RUNTIME);
        if (quiet && !runtime) {
            return;
        }
        int end = line.endsWith("\n") ? line.length() - 1 : line.length();
        String text = end == line.length() ? line : line.substring(0, end);
        ConsoleSettings s = settings.getOrDefault(function, fallback);
        LineKind kind = s.json() || s.filters() || colour ? LineKind.of(text, false) : null;
        if (kind != null && !runtime && !s.passes(kind)) {
            return;
        }
        String rendered = s.json() ? json(function, requestId, text, kind) : text(function, text, kind);
        synchronized (out) {
            out.write(rendered); // not println: that would flush an auto-flushing writer line by line
        }
    }

    /**
     * A multi-line {@code LambdaLogger} record: in the JSON format one object whose message keeps the newlines, as
     * Lambda keeps it one log event; in the text format its lines one by one, as a terminal shows them.
     */
    @Override
    public void record(String function, String requestId, String text) {
        if (settings.getOrDefault(function, fallback).json()) {
            line(function, requestId, text);
        } else {
            LogSink.super.record(function, requestId, text);
        }
    }

    private String text(String function, String line, LineKind kind) {
        String prefix = prefixes.computeIfAbsent(function, this::prefix);
        // sized for the whole line with its separator: growing the builder was most of this method's cost
        StringBuilder text = new StringBuilder(prefix.length() + line.length() + 10 + NEWLINE.length()).append(prefix);
        String mark = kind == null || !colour ? null : switch (kind.level()) {
            case "ERROR", "FATAL" -> FunctionColors.RED;
            case "WARN" -> FunctionColors.YELLOW;
            default -> null;
        };
        if (mark != null) {
            text.append(mark).append(line).append(FunctionColors.RESET);
        } else {
            text.append(line);
        }
        return text.append(NEWLINE).toString();
    }

    private String prefix(String function) {
        StringBuilder p = new StringBuilder(width + 16);
        if (colour) {
            p.append(FunctionColors.of(function));
        }
        p.append(function);
        if (colour) {
            p.append(FunctionColors.RESET);
        }
        for (int pad = width - function.length(); pad > 0; pad--) {
            p.append(' ');
        }
        return p.append(" | ").toString();
    }

    /**
     * Lambda's JSON log format: platform lines as {@code {"time","type","record"}}, what the function wrote as
     * {@code {"timestamp","level","requestId","message"}} (a line the function already wrote as a JSON object with a
     * level, as the AWS runtime's logger does in the JSON format, stays as it was), each with {@code function}.
     */
    private static String json(String function, String requestId, String line, LineKind kind) {
        String now = LogLines.timestamp(System.currentTimeMillis());
        Object record;
        if (kind.platform()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time", now);
            m.put("type", kind.type());
            m.put("record", PlatformRecord.of(kind.type(), line));
            m.put("function", function);
            record = m;
        } else {
            ObjectNode own = line.startsWith("{") && line.contains("\"level\"") ? JsonLine.object(line) : null;
            if (own != null && own.has("level")) {
                if (requestId != null && !own.has("requestId") && !own.has("AWSRequestId")) {
                    own.put("requestId", requestId);
                }
                own.put("function", function);
                record = own;
            } else {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("timestamp", now);
                m.put("level", kind.level());
                if (requestId != null) {
                    m.put("requestId", requestId);
                }
                m.put("message", kind.message());
                m.put("function", function);
                record = m;
            }
        }
        try {
            return JSON.writeValueAsString(record) + NEWLINE;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a log record of strings and numbers always serializes", e);
        }
    }

    @Override
    public void flush() {
        synchronized (out) {
            out.flush();
        }
    }
}
