package dev.localfaas.runtime.execution;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one-thread deadline watch: on time, never when cancelled, and woken for a deadline earlier than it sleeps to. */
class DeadlinesTest {

    @Test
    void anActionRunsAtItsDeadlineNotBefore() {
        try (Deadlines deadlines = new Deadlines("test-deadlines")) {
            long t0 = System.nanoTime();
            List<Long> firedAfterMs = new CopyOnWriteArrayList<>();
            deadlines.after(200, () -> firedAfterMs.add((System.nanoTime() - t0) / 1_000_000));
            await().atMost(Duration.ofSeconds(2)).until(() -> !firedAfterMs.isEmpty());
            assertTrue(firedAfterMs.get(0) >= 200, "fired after " + firedAfterMs.get(0) + " ms");
        }
    }

    @Test
    void aCancelledDeadlineNeverRuns() {
        try (Deadlines deadlines = new Deadlines("test-deadlines")) {
            AtomicInteger cancelledRuns = new AtomicInteger();
            AtomicInteger laterRuns = new AtomicInteger();
            Deadlines.Deadline d = deadlines.after(100, cancelledRuns::incrementAndGet);
            deadlines.cancel(d);
            deadlines.after(300, laterRuns::incrementAndGet);
            await().atMost(Duration.ofSeconds(2)).until(() -> laterRuns.get() == 1);
            assertEquals(0, cancelledRuns.get());
        }
    }

    @Test
    void anEarlierDeadlineWakesTheWatcherSleepingTowardsALaterOne() {
        try (Deadlines deadlines = new Deadlines("test-deadlines")) {
            deadlines.after(60_000, () -> { });
            AtomicInteger early = new AtomicInteger();
            long t0 = System.nanoTime();
            deadlines.after(100, early::incrementAndGet);
            await().atMost(Duration.ofSeconds(2)).until(() -> early.get() == 1);
            assertTrue(System.nanoTime() - t0 < 1_500_000_000L);
        }
    }

    @Test
    void everyDeadlineOfABurstFiresExactlyOnce() {
        try (Deadlines deadlines = new Deadlines("test-deadlines")) {
            AtomicInteger fired = new AtomicInteger();
            Thread[] setters = new Thread[4];
            for (int t = 0; t < setters.length; t++) {
                setters[t] = new Thread(() -> {
                    for (int i = 0; i < 500; i++) {
                        deadlines.after(i % 50, fired::incrementAndGet);
                    }
                });
                setters[t].start();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> fired.get() == 2000);
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> fired.get() == 2000);
        }
    }
}
