package dev.localfaas.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Does the dashboard cost the invoke path anything? The shipped {@code faas.jar run} under the same wrk load as
 * {@link FaasJarThroughputBenchmark}, alternating rounds without a dashboard client and with two connected to
 * {@code /_faas/stream}: one reading every update as a browser tab does, one reading 1 KB every 200 ms (a stalled
 * tab on a slow link), whose updates the gateway must drop rather than queue. Run with
 * {@code mvn -B -pl cli -am verify -Dit.test=none -Dtest=DashboardStreamBenchmark -Dfaas.excludedGroups=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false} after {@code mvn package -DskipTests},
 * on a quiet machine; the report goes
 * to stdout and {@code cli/target/benchmarks/dashboard-stream.txt}.
 */
@Tag("benchmark")
class DashboardStreamBenchmark {

    @TempDir
    Path tmp;

    @Test
    void faasRunWithAndWithoutDashboardStreamClients() throws Exception {
        Path functions = Files.createDirectories(tmp.resolve("functions"));
        Files.copy(CliRun.samples().resolve("hello.jar"), functions.resolve("hello.jar"));
        Path jar = Path.of(System.getProperty("faas.jar", "target/faas.jar")).toAbsolutePath();
        List<Process> processes = new ArrayList<>();
        try {
            String url = FaasJarThroughputBenchmark.start(tmp, jar, functions, "faas", processes);
            String hello = url + "/hello";
            FaasJarThroughputBenchmark.wrk(hello, FaasJarThroughputBenchmark.WARMUP);
            List<FaasJarThroughputBenchmark.Run> runs = new ArrayList<>();
            long fastUpdates = 0;
            long slowBytes = 0;
            for (int i = 0; i < FaasJarThroughputBenchmark.ROUNDS; i++) {
                runs.add(FaasJarThroughputBenchmark.measure("no stream", hello));
                try (FastReader fast = new FastReader(url); SlowReader slow = new SlowReader(url)) {
                    runs.add(FaasJarThroughputBenchmark.measure("streams", hello));
                    fastUpdates += fast.updates.get();
                    slowBytes += slow.bytes.get();
                    assertTrue(fast.updates.get() > 0, "the browser-like client got no update during the load");
                }
            }
            report(runs, fastUpdates, slowBytes);
        } finally {
            for (Process p : processes) {
                p.destroy();
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "faas run did not stop");
            }
        }
    }

    /** Reads the stream as the page does: every line, as it comes. */
    private static final class FastReader implements AutoCloseable {
        final AtomicLong updates = new AtomicLong();
        private final Thread thread;
        private volatile Stream<String> lines;

        FastReader(String url) {
            HttpClient http = HttpClient.newHttpClient();
            thread = new Thread(() -> {
                try {
                    HttpResponse<Stream<String>> r = http.send(HttpRequest.newBuilder(URI.create(url + "/_faas/stream"))
                            .GET().build(), HttpResponse.BodyHandlers.ofLines());
                    lines = r.body();
                    lines.filter(l -> l.startsWith("data:")).forEach(l -> updates.incrementAndGet());
                } catch (IOException | InterruptedException | RuntimeException e) {
                    // closed at the end of the round (closing the lines from another thread ends the loop)
                }
            }, "fast-stream-reader");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            Stream<String> open = lines;
            if (open != null) {
                open.close(); // ends the HTTP exchange: the next round is without this client, as its name says
            }
            thread.interrupt();
        }
    }

    /** Reads 1 KB every 200 ms through a 4 KB receive window: most updates cannot reach it in time. */
    private static final class SlowReader implements AutoCloseable {
        final AtomicLong bytes = new AtomicLong();
        private final Socket socket = new Socket();
        private final AtomicBoolean open = new AtomicBoolean(true);
        private final Thread thread;

        SlowReader(String url) throws IOException {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", URI.create(url).getPort()));
            socket.getOutputStream().write("GET /_faas/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            thread = new Thread(() -> {
                byte[] buffer = new byte[1024];
                try {
                    InputStream in = socket.getInputStream();
                    while (open.get()) {
                        int n = in.read(buffer);
                        if (n < 0) {
                            return;
                        }
                        bytes.addAndGet(n);
                        Thread.sleep(200); // the slowness being simulated, not a wait for something
                    }
                } catch (IOException | InterruptedException e) {
                    // closed at the end of the round
                }
            }, "slow-stream-reader");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            open.set(false);
            socket.close();
        }
    }

    private static void report(List<FaasJarThroughputBenchmark.Run> runs, long fastUpdates, long slowBytes)
            throws IOException {
        StringBuilder b = new StringBuilder(String.format("wrk -t1 -c%s -d%s after %s warm-up, %d rounds, %d cores, "
                + "load average %s%n", FaasJarThroughputBenchmark.CONNECTIONS, FaasJarThroughputBenchmark.DURATION,
                FaasJarThroughputBenchmark.WARMUP, FaasJarThroughputBenchmark.ROUNDS,
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).trim()));
        runs.forEach(r -> b.append(String.format("%-10s %10.0f req/s   p99 %7.2f ms%n", r.target(), r.rps(), r.p99Ms())));
        double without = FaasJarThroughputBenchmark.mean(runs, "no stream", FaasJarThroughputBenchmark.Run::rps);
        double with = FaasJarThroughputBenchmark.mean(runs, "streams", FaasJarThroughputBenchmark.Run::rps);
        double p99Without = FaasJarThroughputBenchmark.mean(runs, "no stream", FaasJarThroughputBenchmark.Run::p99Ms);
        double p99With = FaasJarThroughputBenchmark.mean(runs, "streams", FaasJarThroughputBenchmark.Run::p99Ms);
        b.append(String.format("mean: no stream %.0f req/s p99 %.2f ms; with a fast and a slow stream client %.0f req/s"
                + " p99 %.2f ms; throughput with/without %.1f%%, p99 ratio %.2f%n", without, p99Without, with, p99With,
                100 * with / without, p99With / p99Without));
        b.append(String.format("the fast client read %d updates, the slow one %d bytes, in all rounds%n", fastUpdates,
                slowBytes));
        System.out.print(b);
        Path file = Path.of("target/benchmarks/dashboard-stream.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, b.toString());
    }
}
