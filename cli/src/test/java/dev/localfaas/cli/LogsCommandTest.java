package dev.localfaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faas logs} reads the log store faas run leaves under {@code .faas/logs/}, filtered. */
class LogsCommandTest {

    @TempDir
    Path dir;

    private void store(String... lines) throws Exception {
        Path logs = Files.createDirectories(dir.resolve(".faas/logs"));
        Files.write(logs.resolve("invocations.jsonl"), List.of(lines), StandardCharsets.UTF_8);
    }

    private static String fn(String time, String function, String request, String level, String message) {
        return "{\"timestamp\":\"" + time + "\",\"level\":\"" + level + "\",\"requestId\":\"" + request
                + "\",\"message\":\"" + message + "\",\"function\":\"" + function + "\"}";
    }

    @Test
    void filtersByFunctionRequestLevelAndTime() throws Exception {
        String now = Instant.now().toString();
        store("{\"time\":\"" + now + "\",\"type\":\"platform.start\",\"level\":\"INFO\",\"requestId\":\"r1\","
                        + "\"record\":\"START RequestId: r1 Version: $LATEST\",\"function\":\"hello\"}",
                fn(now, "hello", "r1", "INFO", "hi there"),
                fn(now, "orders-worker", "r2", "ERROR", "cannot process"),
                fn("2020-01-01T00:00:00.000Z", "hello", "r0", "INFO", "long ago"),
                "{\"cut by a crash");
        CliRun all = CliRun.of("logs", "--dir", dir.toString());
        assertEquals(0, all.exitCode(), all.err());
        assertTrue(all.out().contains(now + " hello r1 START RequestId: r1 Version: $LATEST"), all.out());
        assertTrue(all.out().contains(now + " orders-worker r2 [ERROR] cannot process"), all.out());
        assertTrue(all.out().contains("long ago"));

        CliRun hello = CliRun.of("logs", "hello", "--dir", dir.toString(), "--since", "10m");
        assertTrue(hello.out().contains("hi there") && !hello.out().contains("long ago")
                && !hello.out().contains("cannot process"), hello.out());
        CliRun errors = CliRun.of("logs", "--dir", dir.toString(), "--level", "WARN", "--format", "json");
        assertEquals(fn(now, "orders-worker", "r2", "ERROR", "cannot process") + "\n", errors.out());
        CliRun one = CliRun.of("logs", "--dir", dir.toString(), "--request", "r1");
        assertEquals(2, one.out().lines().count(), one.out());
    }

    @Test
    void saysWhereLogsWillBeAndRefusesAnUnknownLevel() {
        CliRun none = CliRun.of("logs", "--dir", dir.toString());
        assertEquals(0, none.exitCode());
        assertTrue(none.out().startsWith("No logs in " + dir.resolve(".faas/logs") + " yet"), none.out());
        CliRun bad = CliRun.of("logs", "--dir", dir.toString(), "--level", "LOUD");
        assertEquals(2, bad.exitCode());
        assertFalse(bad.err().contains("Exception"), bad.err());
        assertTrue(bad.err().contains("--level LOUD is not a level; use TRACE, DEBUG, INFO, WARN, ERROR or FATAL"), bad.err());
    }
}
