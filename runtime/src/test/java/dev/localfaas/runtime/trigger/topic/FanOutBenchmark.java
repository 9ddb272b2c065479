package dev.localfaas.runtime.trigger.topic;

import static org.awaitility.Awaitility.await;

import dev.localfaas.runtime.trigger.PubSubGateway;
import dev.localfaas.runtime.trigger.delivery.Target;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fan-out throughput: messages published over HTTP to a topic with 3 subscribers (two functions, {@code sns-echo} and
 * {@code sns-big-spender} from fixtures-pubsub, and a durable queue), by {@value #PUBLISHERS} concurrent clients.
 * Reports publishes per second (each answered once the queue copy is on disk), the publish latency, and deliveries
 * per second until all 3 × N copies are delivered. Run it with
 * {@code mvn -B -pl runtime -am test -Dtest=FanOutBenchmark -Dfaas.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false};
 * the result goes to stdout and {@code runtime/target/benchmarks/fanout.txt}.
 */
@Tag("benchmark")
class FanOutBenchmark {

    private static final int PUBLISHERS = 32;
    private static final int WARM_UP = 1_000;
    private static final int MEASURED = 10_000;

    @TempDir
    Path tmp;

    @Test
    void publishesToThreeSubscribers() throws Exception {
        SubscriptionSpec queue = new SubscriptionSpec("fanout", Target.queue("fanout-copies"), "",
                FilterPolicyScope.MessageAttributes, true, "benchmark");
        try (PubSubGateway faas = PubSubGateway.start(tmp, List.of(queue), "fixtures-pubsub.jar")) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI uri = URI.create(faas.gateway.url() + "/_faas/topics/fanout/messages?attribute=amount%3DNumber%3A150");
            run(faas, http, uri, WARM_UP, new ArrayList<>());
            await().atMost(2, TimeUnit.MINUTES).alias("deliveries").until(() -> settled(faas) == 3L * WARM_UP);

            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            run(faas, http, uri, MEASURED, latencies);
            double publishSeconds = (System.nanoTime() - start) / 1e9;
            await().atMost(4, TimeUnit.MINUTES).pollInterval(Duration.ofMillis(20))
                    .until(() -> settled(faas) == 3L * (WARM_UP + MEASURED));
            double allSeconds = (System.nanoTime() - start) / 1e9;
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            String report = String.format("fan-out to 3 subscribers (2 functions, 1 durable queue), %d publishers, %d messages:%n"
                            + "  published %.0f messages/s (p50 %.2f ms, p99 %.2f ms per publish)%n"
                            + "  delivered %.0f copies/s end to end (%.0f messages/s fully fanned out), %.1f s in all%n"
                            + "  %d copies failed; load average %s, %d CPUs%n",
                    PUBLISHERS, MEASURED, MEASURED / publishSeconds, sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get(sorted.size() * 99 / 100) / 1e6, 3 * MEASURED / allSeconds, MEASURED / allSeconds, allSeconds,
                    settled(faas) - delivered(faas),
                    Files.readString(Path.of("/proc/loadavg")).trim(), Runtime.getRuntime().availableProcessors());
            System.out.print(report);
            Path out = Path.of("target/benchmarks/fanout.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        }
    }

    /** Copies whose fate is known: delivered, or failed after every attempt. */
    private static long settled(PubSubGateway faas) {
        return faas.events.topics().find("fanout").orElseThrow().subscriptions().stream()
                .mapToLong(s -> s.counts().delivered() + s.counts().failed()).sum();
    }

    private static long delivered(PubSubGateway faas) {
        return faas.events.topics().find("fanout").orElseThrow().subscriptions().stream()
                .mapToLong(s -> s.counts().delivered()).sum();
    }

    private static void run(PubSubGateway faas, HttpClient http, URI uri, int messages, List<Long> latencies)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(PUBLISHERS);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < PUBLISHERS; c++) {
            done.add(clients.submit(() -> {
                int n;
                while ((n = next.getAndIncrement()) < messages) {
                    long t = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"n\": " + n + "}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - t);
                    if (r.statusCode() != 200) {
                        throw new IOException("publish answered " + r.statusCode() + ": " + r.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        clients.shutdown();
    }
}
