package dev.localfaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeArgumentTest {
    private static final Instant NOW = Instant.parse("2026-08-10T12:00:00Z");

    @ParameterizedTest(name = "--since {0} is {1}")
    @CsvSource({
        "2026-08-01T10:00:00Z, 2026-08-01T10:00:00Z",
        "2026-08-01T10:00:00.5Z, 2026-08-01T10:00:00.500Z",
        "2026-08-01T10:00, 2026-08-01T10:00:00Z",
        "2026-08-01, 2026-08-01T00:00:00Z",
        "30s, 2026-08-10T11:59:30Z",
        "15m, 2026-08-10T11:45:00Z",
        "2h, 2026-08-10T10:00:00Z",
        "7d, 2026-08-03T12:00:00Z",
        "1w, 2026-08-03T12:00:00Z",
    })
    void readsInstantsDatesAndAges(String text, String expected) {
        assertEquals(Instant.parse(expected), TimeArgument.parse("--since", text, NOW));
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "2026-13-01", "5 minutes", "-1h"})
    void anythingElseIsOneLineSayingWhatIsAccepted(String text) {
        CliException e = assertThrows(CliException.class, () -> TimeArgument.parse("--since", text, NOW));
        assertEquals("--since '" + text + "' is not a time; give an ISO-8601 UTC time (2026-08-01T10:00:00Z), a date "
                + "(2026-08-01) or an age (30m, 2h, 7d)", e.getMessage());
        assertEquals(ExitCodes.USAGE, e.exitCode());
    }
}
