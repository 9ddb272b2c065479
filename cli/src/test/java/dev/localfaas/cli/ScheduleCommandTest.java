package dev.localfaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleCommandTest {

    record Run(int exit, String out, String err) {
    }

    @Test
    void printsTheNextFiveFiringsOneALineInIsoUtc() {
        Run run = faas("schedule", "next", "cron(0 9 ? * MON-FRI *)", "--from", "2027-01-29T08:00:00Z");
        assertEquals(0, run.exit());
        assertEquals("""
                2027-01-29T09:00:00Z
                2027-02-01T09:00:00Z
                2027-02-02T09:00:00Z
                2027-02-03T09:00:00Z
                2027-02-04T09:00:00Z
                """, run.out());
        assertEquals("", run.err());
    }

    @Test
    void countAndLocalTimeInAZone() {
        Run run = faas("schedule", "next", "cron(0 0 L * ? *)", "-n", "3", "--from", "2028-01-30", "--zone",
                "America/New_York");
        assertEquals(0, run.exit());
        assertEquals("""
                2028-01-31T00:00:00Z  Sun 2028-01-30 19:00:00 EST
                2028-02-29T00:00:00Z  Mon 2028-02-28 19:00:00 EST
                2028-03-31T00:00:00Z  Thu 2028-03-30 20:00:00 EDT
                """, run.out());
    }

    @Test
    void localUsesTheSystemZone() {
        Run run = faas("schedule", "next", "rate(1 hour)", "-n", "1", "--from", "2027-01-31T12:00:00Z", "--local");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("2027-01-31T13:00:00Z  "), run.out());
    }

    @Test
    void aRateCountsFromTheStart() {
        Run run = faas("schedule", "next", "rate(5 minutes)", "-n", "2", "--from", "2027-01-31T12:00:00Z");
        assertEquals("2027-01-31T12:05:00Z\n2027-01-31T12:10:00Z\n", run.out());
    }

    @Test
    void withoutFromItCountsFromNow() {
        Instant before = Instant.now();
        Run run = faas("schedule", "next", "cron(* * * * ? *)", "-n", "1");
        Instant firing = Instant.parse(run.out().strip());
        assertTrue(firing.isAfter(before) && firing.isBefore(before.plusSeconds(61)), run.out());
    }

    @Test
    void aRateInSecondsWarnsOnStderrAndKeepsStdoutClean() {
        Run run = faas("schedule", "next", "rate(1 second)", "-n", "2", "--from", "2027-01-31T12:00:00Z");
        assertEquals(0, run.exit());
        assertEquals("2027-01-31T12:00:01Z\n2027-01-31T12:00:02Z\n", run.out());
        assertEquals("faas: warning: rate(1 second): AWS rejects rates in seconds (the shortest is rate(1 minute)); "
                + "it runs here only so that you need not wait, so use minutes before you deploy\n", run.err());
    }

    @Test
    void anExpressionThatStopsFiringSaysSoInsteadOfLooping() {
        Run run = faas("schedule", "next", "cron(15 10 ? * 6L 2019-2022)", "--from", "2022-10-01T00:00:00Z");
        assertEquals(0, run.exit());
        assertEquals("2022-10-28T10:15:00Z\n2022-11-25T10:15:00Z\n2022-12-30T10:15:00Z\n", run.out());
        assertEquals("faas: cron(15 10 ? * 6L 2019-2022) never fires after 2022-12-30T10:15:00Z (its years end by "
                + "2199 at the latest)\n", run.err());
    }

    @Test
    void anInvalidExpressionExits2WithTheReason() {
        Run run = faas("schedule", "next", "cron(0 12 * * * *)");
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertEquals("faas: cron(0 12 * * * *): day-of-month and day-of-week cannot both be specified; use ? in one "
                + "of them\n", run.err());
    }

    @Test
    void badOptionsExit2WithTheFix() {
        assertEquals(new Run(2, "", "faas: --from 'yesterday' is not a date-time; use ISO-8601 such as "
                + "2027-01-31T12:00:00Z or 2027-01-31\n"), faas("schedule", "next", "rate(1 hour)", "--from",
                "yesterday"));
        assertEquals(new Run(2, "", "faas: -n 0 is out of range; print between 1 and 10000 firings\n"),
                faas("schedule", "next", "rate(1 hour)", "-n", "0"));
        assertEquals(new Run(2, "", "faas: --zone 'Mars/Olympus' is not a time zone; use a region id such as "
                + "Europe/Paris or an offset such as +02:00\n"), faas("schedule", "next", "rate(1 hour)", "--zone",
                "Mars/Olympus"));
        Run missing = faas("schedule");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().startsWith("faas: a subcommand is required: next\n"), missing.err());
    }

    private static Run faas(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Faas.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"),
                err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }
}
