package dev.localfaas.runtime.trigger.queue;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that sends and receives is killed with SIGKILL mid-flight; after a restart, every message it was told
 * was sent is delivered — the ones waiting and the ones that were in flight — and none is lost.
 */
class QueueKillTest {

    @TempDir
    Path dir;

    @Test
    void everyMessageSentBeforeAKill9IsDeliveredAfterARestartIncludingThoseInFlight() throws Exception {
        Path db = dir.resolve("queues.db");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), QueueChildProcess.class.getName(), db.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Set<String> sent = ConcurrentHashMap.newKeySet();
        Set<String> inFlight = ConcurrentHashMap.newKeySet();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("SENT ")) {
                        sent.add(line.substring(5));
                    } else if (line.startsWith("INFLIGHT ")) {
                        inFlight.add(line.substring(9));
                    }
                }
            } catch (Exception ignored) {
                // the child was killed
            }
        });
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> sent.size() >= 1000 && inFlight.size() >= 50);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no checkpoint
            child.waitFor(10, TimeUnit.SECONDS);
            reader.join(5_000);
        }
        Set<String> sentBeforeKill = Set.copyOf(sent);

        Set<String> delivered = new HashSet<>();
        try (SqliteQueueBackend queues = SqliteQueueBackend.open(db, notice -> { })) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                List<ReceivedMessage> got = queues.receive(ReceiveRequest.of("orders", 1000, Duration.ofMinutes(5)),
                        Duration.ofMillis(200));
                got.forEach(m -> delivered.add(m.body()));
                queues.delete("orders", got.stream().map(ReceivedMessage::receiptHandle).toList());
                return delivered.containsAll(sentBeforeKill) && queues.stats().get(0).total() == 0;
            });
        }

        Set<String> lost = new HashSet<>(sentBeforeKill);
        lost.removeAll(delivered);
        assertEquals(Set.of(), lost, "messages acknowledged as sent but never delivered");
        assertTrue(delivered.containsAll(inFlight), "messages in flight at the kill are delivered again");
        System.out.printf("kill -9: %d acknowledged sends (%d in flight) before the kill, %d delivered after restart%n",
                sentBeforeKill.size(), inFlight.size(), delivered.size());
    }
}
