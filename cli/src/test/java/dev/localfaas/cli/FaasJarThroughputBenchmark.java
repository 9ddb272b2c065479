package dev.localfaas.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faas run} as users run it — the shipped {@code faas.jar} as its own process, usage records on, its console
 * (every invocation's START/END/REPORT and the handler's lines) going to a file — against a bare Undertow handler
 * that dispatches to a worker pool and returns the same JSON, side by side in one run: wrk alternates between them.
 * Run with {@code mvn -B -pl cli -am verify -Dit.test=none -Dtest=FaasJarThroughputBenchmark -Dfaas.excludedGroups=none
 * -Dsurefire.failIfNoSpecifiedTests=false} after {@code mvn package -DskipTests}; the report goes to stdout and
 * {@code cli/target/benchmarks/faas-run.txt}. {@code -Dbench.baselineJar=PATH} adds another {@code faas.jar} (say,
 * main's) as a third target in the same rounds, for a before/after on the same machine load.
 */
@Tag("benchmark")
class FaasJarThroughputBenchmark {

    static final String CONNECTIONS = System.getProperty("bench.connections", "50");
    static final String DURATION = System.getProperty("bench.duration", "10s");
    static final String WARMUP = System.getProperty("bench.warmup", "15s");
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final byte[] HELLO = "{\"message\":\"Hello, world!\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    record Run(String target, double rps, double p99Ms) {
    }

    @Test
    void faasRunAgainstBareUndertow() throws Exception {
        Path functions = Files.createDirectories(tmp.resolve("functions"));
        Files.copy(CliRun.samples().resolve("hello.jar"), functions.resolve("hello.jar"));
        ExecutorService bareWorkers = Executors.newFixedThreadPool(256);
        Undertow bare = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(exchange ->
                exchange.dispatch(bareWorkers, ex -> {
                    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                    ex.getResponseSender().send(ByteBuffer.wrap(HELLO));
                })).build();
        bare.start();
        String bareUrl = "http://127.0.0.1:" + ((InetSocketAddress) bare.getListenerInfo().get(0).getAddress()).getPort()
                + "/hello";
        Path jar = Path.of(System.getProperty("faas.jar", "target/faas.jar")).toAbsolutePath();
        String baselineJar = System.getProperty("bench.baselineJar");
        List<Process> processes = new ArrayList<>();
        try {
            String faasUrl = start(jar, functions, "faas", processes) + "/hello";
            String baseUrl = baselineJar == null ? null
                    : start(Path.of(baselineJar), copyOf(functions, "baseline-functions"), "baseline", processes) + "/hello";
            wrk(bareUrl, WARMUP);
            wrk(faasUrl, WARMUP);
            if (baseUrl != null) {
                wrk(baseUrl, WARMUP);
            }
            List<Run> runs = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                runs.add(measure("bare", bareUrl));
                runs.add(measure("faas.jar", faasUrl));
                if (baseUrl != null) {
                    runs.add(measure("baseline", baseUrl));
                }
            }
            report(runs, Files.size(functions.resolve(".faas/usage.jsonl")), Files.size(tmp.resolve("faas.txt")));
        } finally {
            for (Process p : processes) {
                p.destroy();
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "faas run did not stop");
            }
            bare.stop();
            bareWorkers.shutdownNow();
        }
    }

    private Path copyOf(Path functions, String name) throws IOException {
        Path copy = Files.createDirectories(tmp.resolve(name));
        Files.copy(functions.resolve("hello.jar"), copy.resolve("hello.jar"));
        return copy;
    }

    private String start(Path jar, Path functions, String name, List<Process> processes) throws IOException {
        return start(tmp, jar, functions, name, processes);
    }

    /** Starts {@code faas run} from {@code jar} with its console going to a file in {@code tmp}; its URL once ready. */
    static String start(Path tmp, Path jar, Path functions, String name, List<Process> processes) throws IOException {
        Path out = tmp.resolve(name + ".txt");
        Process faas = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString(), "run", functions.toString(), "--port", "0", "--no-watch"))
                .redirectOutput(out.toFile()).redirectError(tmp.resolve(name + "-err.txt").toFile()).start();
        processes.add(faas);
        Pattern ready = Pattern.compile("Ready on (http://127\\.0\\.0\\.1:\\d+)");
        await().atMost(60, TimeUnit.SECONDS).until(() -> ready.matcher(Files.readString(out)).find());
        Matcher m = ready.matcher(Files.readString(out));
        assertTrue(m.find());
        return m.group(1);
    }

    static Run measure(String target, String url) throws IOException, InterruptedException {
        String out = wrk(url, DURATION);
        Matcher rps = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(out);
        Matcher p99 = Pattern.compile("99%\\s+([\\d.]+)(us|ms|s)").matcher(out);
        assertTrue(rps.find() && p99.find(), out);
        double v = Double.parseDouble(p99.group(1));
        double ms = switch (p99.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
        return new Run(target, Double.parseDouble(rps.group(1)), ms);
    }

    static String wrk(String url, String duration) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("wrk", "-t1", "-c" + CONNECTIONS, "-d" + duration, "--latency", url)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(!out.contains("Non-2xx"), "every answer must be a 200:\n" + out);
        return out;
    }

    static double mean(List<Run> runs, String target, java.util.function.ToDoubleFunction<Run> figure) {
        return runs.stream().filter(r -> r.target().equals(target)).mapToDouble(figure).average().orElse(0);
    }

    private static void report(List<Run> runs, long usageBytes, long consoleBytes) throws IOException {
        StringBuilder b = new StringBuilder(String.format("wrk -t1 -c%s -d%s after %s warm-up, %d rounds, %d cores, "
                + "load average %s%n", CONNECTIONS, DURATION, WARMUP, ROUNDS, Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim()));
        runs.forEach(r -> b.append(String.format("%-9s %10.0f req/s   p99 %7.2f ms%n", r.target(), r.rps(), r.p99Ms())));
        for (String target : List.of("faas.jar", "baseline")) {
            double bareRps = mean(runs, "bare", Run::rps);
            double rps = mean(runs, target, Run::rps);
            if (rps == 0) {
                continue;
            }
            double bareP99 = mean(runs, "bare", Run::p99Ms);
            double p99 = mean(runs, target, Run::p99Ms);
            b.append(String.format("mean: bare %.0f req/s p99 %.2f ms; %s %.0f req/s p99 %.2f ms; "
                    + "%s/bare throughput %.0f%%, p99 ratio %.2f%n", bareRps, bareP99, target, rps, p99, target,
                    100 * rps / bareRps, p99 / bareP99));
        }
        b.append(String.format("usage.jsonl %d bytes, console file %d bytes%n", usageBytes, consoleBytes));
        System.out.print(b);
        Path file = Path.of("target/benchmarks/faas-run.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, b.toString());
    }
}
