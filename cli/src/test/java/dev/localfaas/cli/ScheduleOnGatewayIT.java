package dev.localfaas.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's real-time check on the shipped {@code faas.jar run}: a {@code rate(1 second)} schedule fires on the
 * running gateway, each firing an EventBridge scheduled event for its own second, and the seconds-rate warning is
 * printed at start.
 */
class ScheduleOnGatewayIT {

    private static final Pattern FIRED = Pattern.compile(
            "ticker\\s+\\| ticker: fired for (\\S+) \\(Scheduled Event\\)\\R");

    @TempDir
    Path tmp;

    @Test
    void aRateOfOneSecondFiresOnTheRunningGatewayEverySecond() throws Exception {
        Path functions = Files.createDirectories(tmp.resolve("functions"));
        Files.copy(CliRun.samples().resolveSibling("test-functions").resolve("fixtures-triggers.jar"),
                functions.resolve("fixtures-triggers.jar"));

        try (RunningFaas faas = RunningFaas.start(functions, tmp, "run")) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> firings(faas.out()).size() >= 3);

            List<Instant> firings = firings(faas.out()).stream().distinct().sorted().toList();
            assertTrue(firings.size() >= 3, "three firings, each for its own scheduled second: " + firings);
            // The events carry scheduled times, not clock readings: one period apart, however late a firing ran.
            for (int i = 1; i < 3; i++) {
                assertEquals(Duration.ofSeconds(1), Duration.between(firings.get(i - 1), firings.get(i)), firings.toString());
            }
            assertTrue(faas.err().contains("faas: ticker: rate(1 second): AWS rejects rates in seconds"), faas.err());
            assertEquals(0, faas.stop(), faas.err());
        }
    }

    private static List<Instant> firings(String out) {
        List<Instant> times = new ArrayList<>();
        Matcher m = FIRED.matcher(out);
        while (m.find()) {
            times.add(OffsetDateTime.parse(m.group(1)).toInstant());
        }
        return times;
    }
}
