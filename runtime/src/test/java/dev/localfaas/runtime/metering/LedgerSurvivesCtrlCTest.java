package dev.localfaas.runtime.metering;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process appending records from four threads is stopped with SIGINT (what Ctrl-C sends): every append that had
 * completed is in the file, and no line is torn.
 *
 * <p>TODO(gateway): the same test against a child-process {@code faas run} gateway under load, then
 * {@code faas report}, once the gateway exists (issue 4: "records survive a Ctrl-C'd gateway").
 */
class LedgerSurvivesCtrlCTest {
    @TempDir
    Path dir;

    @Test
    void everyCompletedAppendSurvivesSigintAndNoLineIsTorn() throws Exception {
        assumeTrue(!System.getProperty("os.name").toLowerCase().contains("win"), "needs kill -INT");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LedgerWriterMain.class.getName(), dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            Path file = dir.resolve("usage.jsonl");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(file) && Files.size(file) > 200_000);

            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor());
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child stopped");

            long completed = Long.parseLong(Files.readString(dir.resolve("completed")).trim());
            List<UsageRecord> records = new java.util.ArrayList<>();
            UsageReader.Result result = UsageReader.read(file, records::add);
            assertEquals(List.of(), result.warnings(), "no torn line");
            assertTrue(records.size() >= completed, records.size() + " records for " + completed + " completed appends");
            assertTrue(completed > 0);
        } finally {
            child.destroyForcibly();
        }
    }
}
