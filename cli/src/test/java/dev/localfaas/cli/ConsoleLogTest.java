package dev.localfaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.config.FunctionLogging;
import dev.localfaas.runtime.function.FunctionSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The console's formats, levels, quiet and colours, line by line as the engine hands them over. */
class ConsoleLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String START = "START RequestId: r1 Version: $LATEST";
    private static final String REPORT = "REPORT RequestId: r1\tDuration: 2.50 ms\tBilled Duration: 3 ms"
            + "\tMemory Size: 128 MB\tMax Memory Used: n/a (thread allocated 4 KB)";

    private final StringWriter written = new StringWriter();

    private static FunctionSpec spec(String name, Map<String, String> environment) {
        return new FunctionSpec(name, Path.of(name + ".jar"), "example.Handler", 128, 3, 0, environment, "",
                List.of(), List.of(), List.of());
    }

    private ConsoleOptions options(String... args) {
        ConsoleOptions options = new ConsoleOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    private ConsoleLog console(ConsoleOptions options, boolean colour, FunctionSpec... functions) {
        ConsoleLog log = options.console(new PrintWriter(written), colour, Map.of());
        log.settingsBy(f -> options.settings(f, null)).widen(List.of(functions));
        return log;
    }

    private void invocation(ConsoleLog log, String function) {
        log.line(function, "r1", START);
        log.line(function, "r1", "[DEBUG] cache miss");
        log.line(function, "r1", "plain output");
        log.line(function, "r1", "[WARN] slow disk");
        log.line(function, "r1", "END RequestId: r1");
        log.line(function, "r1", REPORT);
        log.flush();
    }

    private List<String> lines() {
        return written.toString().lines().toList();
    }

    @Test
    void textIsEveryLineAfterThePaddedNameAsBefore() {
        ConsoleLog log = console(options(), false, spec("hello", Map.of()), spec("users-api", Map.of()));
        invocation(log, "hello");
        assertEquals(List.of("hello     | " + START, "hello     | [DEBUG] cache miss", "hello     | plain output",
                "hello     | [WARN] slow disk", "hello     | END RequestId: r1", "hello     | " + REPORT), lines());
    }

    @Test
    void jsonIsLambdasJsonLogFormatWithTheFunctionInAField() throws Exception {
        ConsoleLog log = console(options("--log-format", "json"), true, spec("hello", Map.of()));
        invocation(log, "hello");
        log.line("hello", "r1", "{\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"level\":\"ERROR\",\"message\":\"own\","
                + "\"AWSRequestId\":\"r1\"}");
        log.flush();
        List<JsonNode> records = lines().stream().map(this::json).toList();
        assertEquals(5, records.size(), "JSON's default levels: INFO, so no DEBUG line and no END: " + lines());
        JsonNode start = records.get(0);
        assertEquals("platform.start", start.get("type").asText());
        assertEquals(Map.of("requestId", "r1", "version", "$LATEST"), JSON.convertValue(start.get("record"), Map.class));
        assertEquals("hello", start.get("function").asText());
        assertTrue(start.get("time").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), start.toString());
        JsonNode plain = records.get(1);
        assertEquals(List.of("timestamp", "level", "requestId", "message", "function"), fields(plain));
        assertEquals("INFO", plain.get("level").asText());
        assertEquals("plain output", plain.get("message").asText());
        JsonNode warn = records.get(2);
        assertEquals("WARN", warn.get("level").asText());
        assertEquals("slow disk", warn.get("message").asText(), "the [LEVEL] prefix becomes the level field");
        JsonNode report = records.get(3);
        assertEquals("platform.report", report.get("type").asText());
        assertEquals(2.5, report.get("record").get("metrics").get("durationMs").asDouble());
        assertEquals(3, report.get("record").get("metrics").get("billedDurationMs").asLong());
        assertEquals("success", report.get("record").get("status").asText());
        JsonNode own = records.get(4);
        assertEquals("own", own.get("message").asText(), "a record the AWS logger wrote stays as it was");
        assertEquals("r1", own.get("AWSRequestId").asText());
        assertEquals("hello", own.get("function").asText());
        assertFalse(written.toString().contains("\u001b["), "never colours in JSON");
    }

    @Test
    void aMultiLineLoggerRecordIsOneJsonObjectAndItsLinesInText() throws Exception {
        ConsoleLog json = console(options("--log-format", "json"), false, spec("hello", Map.of()));
        json.record("hello", "r1", "[ERROR] failed:\n  at example.Handler.handle");
        json.flush();
        assertEquals(1, lines().size(), lines().toString());
        JsonNode record = json(lines().get(0));
        assertEquals("ERROR", record.get("level").asText());
        assertEquals("failed:\n  at example.Handler.handle", record.get("message").asText());
        written.getBuffer().setLength(0);
        ConsoleLog text = console(options(), false, spec("hello", Map.of()));
        text.record("hello", "r1", "[ERROR] failed:\n  at example.Handler.handle");
        text.flush();
        assertEquals(List.of("hello | [ERROR] failed:", "hello |   at example.Handler.handle"), lines());
    }

    @Test
    void levelsFilterTheApplicationAndSystemLinesApart() {
        ConsoleLog log = console(options("--log-level", "warn", "--system-log-level", "DEBUG"), false,
                spec("hello", Map.of()));
        invocation(log, "hello");
        assertEquals(List.of("hello | " + START, "hello | [WARN] slow disk", "hello | END RequestId: r1",
                "hello | " + REPORT), lines(), "a line without a level is INFO, below WARN");
        written.getBuffer().setLength(0);
        ConsoleLog onlyOwn = console(options("--system-log-level", "WARN"), false, spec("hello", Map.of()));
        invocation(onlyOwn, "hello");
        assertEquals(List.of("hello | [DEBUG] cache miss", "hello | plain output", "hello | [WARN] slow disk"), lines());
    }

    @Test
    void aFunctionsLoggingConfigDecidesWhereNoOptionDoes() {
        ConsoleOptions none = options();
        FunctionSpec declared = spec("jsonfn", new FunctionLogging("JSON", "WARN", "DEBUG").variables());
        assertEquals(new ConsoleSettings(true, 3, 1), none.settings(declared, new FunctionLogging("JSON", "WARN", "DEBUG")));
        assertEquals(new ConsoleSettings(true, 2, 2), none.settings(spec("j", new FunctionLogging("JSON", "", "").variables()),
                null), "Lambda's JSON defaults: INFO and INFO");
        assertEquals(ConsoleSettings.TEXT, none.settings(spec("plain", Map.of()), null));
        assertEquals(new ConsoleSettings(false, 3, 1), options("--log-format", "text").settings(declared,
                new FunctionLogging("JSON", "WARN", "DEBUG")), "the option wins over the format, the levels stay");
        assertEquals(new ConsoleSettings(true, 0, 1), options("--log-level", "TRACE").settings(declared,
                new FunctionLogging("JSON", "WARN", "DEBUG")));
    }

    @Test
    void quietLeavesOutEveryInvocationLineButTheRuntimesWarnings() {
        ConsoleLog log = console(options("--quiet"), false, spec("hello", Map.of()));
        invocation(log, "hello");
        log.line("faas", "localfaas: WARNING 3 log lines were dropped");
        log.flush();
        assertEquals(List.of("faas  | localfaas: WARNING 3 log lines were dropped"), lines());
    }

    @Test
    void namesAreColouredOnATerminalEachAlwaysTheSameAndErrorsRed() {
        ConsoleLog log = console(options(), true, spec("hello", Map.of()), spec("users-api", Map.of()));
        invocation(log, "hello");
        log.line("users-api", "r2", "[ERROR] boom");
        log.flush();
        String hello = FunctionColors.of("hello");
        assertEquals(hello, FunctionColors.of("hello"), "stable");
        assertTrue(lines().get(0).startsWith(hello + "hello" + FunctionColors.RESET + "     | START"), lines().get(0));
        assertTrue(lines().get(3).endsWith(FunctionColors.YELLOW + "[WARN] slow disk" + FunctionColors.RESET), lines().get(3));
        assertTrue(lines().get(6).endsWith(FunctionColors.RED + "[ERROR] boom" + FunctionColors.RESET), lines().get(6));
        assertFalse(FunctionColors.of("users-api").contains("31m"), "red is for errors only");
    }

    @Test
    void colourOnlyOnATerminalWithoutNoColor() {
        assertTrue(FunctionColors.wanted(false, true, Map.of()));
        assertTrue(FunctionColors.wanted(false, true, Map.of("NO_COLOR", "")), "no-color.org: set and not empty");
        assertFalse(FunctionColors.wanted(false, true, Map.of("NO_COLOR", "1")));
        assertFalse(FunctionColors.wanted(false, false, Map.of()), "piped: System.console() is null");
        assertFalse(FunctionColors.wanted(true, true, Map.of()), "--no-color");
        assertFalse(FunctionColors.wanted(false, true, Map.of("TERM", "dumb")));
    }

    private JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
