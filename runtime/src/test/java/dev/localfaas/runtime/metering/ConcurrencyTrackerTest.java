package dev.localfaas.runtime.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.localfaas.runtime.execution.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The busiest moment, found by the sweep, against counting every interval at every start (random records). */
class ConcurrencyTrackerTest {

    private static final int[] MEMORY = {128, 256, 512, 1024, 3008, 10240};

    private record Interval(long start, long end, int memoryMb) {
    }

    @Test
    void thePeakIsWhatCountingEveryIntervalAtEveryStartFinds() {
        Random random = new Random(7);
        for (int set = 0; set < 200; set++) {
            // most sets within seconds (packed sweep); some over more than six days (the fallback)
            long spanMs = set % 10 == 9 ? 9L * 24 * 3600 * 1000 : 1 + random.nextInt(20_000);
            ConcurrencyTracker tracker = new ConcurrencyTracker();
            List<Interval> intervals = new ArrayList<>();
            int records = 1 + random.nextInt(300);
            for (int i = 0; i < records; i++) {
                // whole milliseconds, so that starts and ends often meet at the same instant
                Instant start = Records.T0.plusMillis(random.nextLong(spanMs));
                double duration = random.nextInt(4) == 0 ? 0.0004 : random.nextInt(3000);
                double init = random.nextInt(5) == 0 ? random.nextInt(500) : 0;
                int memory = MEMORY[random.nextInt(MEMORY.length)];
                Outcome outcome = random.nextInt(8) == 0 ? Outcome.THROTTLED : Outcome.OK;
                tracker.add(new UsageRecord("fn", "$LATEST", "r" + i, "http", start.toString(), duration, init,
                        (long) Math.ceil(duration + init), memory, outcome, 0, 0, 0));
                if (outcome != Outcome.THROTTLED) {
                    long s = start.getEpochSecond() * 1_000_000 + start.getNano() / 1000;
                    intervals.add(new Interval(s, s + Math.max(1, Math.round((duration + init) * 1000)), memory));
                }
            }
            ContainerLoad load = tracker.load();
            long[] expected = bruteForce(intervals);
            String where = "set " + set + " (" + intervals.size() + " intervals over " + spanMs + " ms)";
            assertEquals(expected[0], load.peakConcurrency(), where);
            assertEquals(expected[1], load.peakMemoryMb(), where);
            if (!intervals.isEmpty()) {
                assertEquals(expected[2], load.peakAt().getEpochSecond() * 1_000_000 + load.peakAt().getNano() / 1000,
                        where);
            }
            assertEquals(load, tracker.copy().load(), where + ": a copy sweeps to the same load");
        }
    }

    /** {count, memory, when}: at each start instant, every interval with start <= t < end. */
    private static long[] bruteForce(List<Interval> intervals) {
        TreeSet<Long> instants = new TreeSet<>();
        intervals.forEach(i -> instants.add(i.start()));
        long[] best = {0, 0, 0};
        for (long t : instants) {
            long count = 0;
            long memory = 0;
            for (Interval i : intervals) {
                if (i.start() <= t && t < i.end()) {
                    count++;
                    memory += i.memoryMb();
                }
            }
            if (count > best[0] || (count == best[0] && memory > best[1])) {
                best = new long[] {count, memory, t};
            }
        }
        return best;
    }
}
