package dev.localfaas.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.execution.RuntimeConfig;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warm HTTP-trigger throughput of the gateway against a bare Undertow handler that dispatches to a worker and
 * returns the same JSON, side by side in one run, with {@code wrk} (Debian package {@code wrk}) as the load tool.
 * Not part of the build: run it with
 * {@code mvn -B -pl runtime -am test -Dtest=GatewayThroughputBenchmark -Dfaas.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false}.
 * Results go to stdout and {@code runtime/target/benchmarks/gateway.txt}: requests per second and p99 as wrk reports
 * them, and, per request, the CPU time and context switches of this whole JVM (the gateway's cost in work rather
 * than in wall time, which other processes on the machine disturb far less).
 */
@Tag("benchmark")
class GatewayThroughputBenchmark {

    static final String CONNECTIONS = System.getProperty("bench.connections", "50");
    static final String DURATION = System.getProperty("bench.duration", "10s");
    /**
     * Load before measuring, per target. Warm means JIT-compiled too: with 50 connections the gateway runs up to 50
     * environments, each with its own classes and Jackson caches to compile, and C2 stays busy for about 20 s of load.
     */
    static final String WARMUP = System.getProperty("bench.warmup", "15s");
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final byte[] HELLO = "{\"message\":\"Hello, world!\"}".getBytes(StandardCharsets.UTF_8);
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    @TempDir
    Path dir;

    /** The gateway in front of no engine: the same specs, an answer made up at once. Shows the gateway's own cost. */
    record StubInvoker(LocalFaas faas) implements dev.localfaas.runtime.execution.FunctionInvoker {
        @Override
        public List<dev.localfaas.runtime.function.FunctionSpec> functions() {
            return faas.functions();
        }

        @Override
        public java.util.Optional<dev.localfaas.runtime.function.FunctionSpec> function(String name) {
            return faas.function(name);
        }

        @Override
        public dev.localfaas.runtime.execution.InvocationResult invoke(String function,
                                                                       dev.localfaas.runtime.execution.Invocation inv) {
            return new dev.localfaas.runtime.execution.InvocationResult(function, "$LATEST", inv.requestId(),
                    inv.trigger(), java.time.Instant.now(), 0.1, 0, 1, 128, dev.localfaas.runtime.execution.Outcome.OK,
                    HELLO, null, "", inv.payload().length, 0, -1);
        }
    }

    /** cpuUs and switches are per request, over the whole JVM (JIT and GC included): less disturbed by load than req/s. */
    record Run(String target, double rps, double p99Ms, double cpuUs, double switches, String raw) {
    }

    @Test
    void gatewayAgainstBareUndertow() throws Exception {
        ExecutorService bareWorkers = WorkerPool.create(256);
        Undertow bare = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(exchange ->
                exchange.dispatch(bareWorkers, ex -> {
                    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                    ex.getResponseSender().send(ByteBuffer.wrap(HELLO));
                })).build();
        bare.start();
        int barePort = ((InetSocketAddress) bare.getListenerInfo().get(0).getAddress()).getPort();
        // As faas run wires it, minus the console: log lines go nowhere (printing them is the terminal's speed).
        try (LocalFaas faas = LocalFaas.open(RuntimeConfig.forDirectory(Samples.copy(dir.resolve("functions"), "hello.jar"))
                .withStateDir(dir.resolve("state")).withSnapshotJars(true))) {
            Gateway gw = Gateway.create(GatewayConfig.defaults().withPort(0), faas).functionStats(faas::stats).start();
            faas.addListener(gw.invocationListener());
            String gatewayUrl = gw.url() + "/hello";
            String bareUrl = "http://127.0.0.1:" + barePort + "/hello";
            wrk(bareUrl, WARMUP);
            wrk(gatewayUrl, WARMUP);
            List<Run> runs = new ArrayList<>();
            Gateway stub = Gateway.create(GatewayConfig.defaults().withPort(0), new StubInvoker(faas)).start();
            String stubUrl = stub.url() + "/hello";
            wrk(stubUrl, WARMUP);
            for (int i = 0; i < ROUNDS; i++) {
                runs.add(measure("bare", bareUrl));
                runs.add(measure("gateway", gatewayUrl));
                runs.add(measure("stub", stubUrl));
            }
            stub.stop();
            report(runs);
            gw.stop();
        } finally {
            bare.stop();
            bareWorkers.shutdownNow();
        }
    }

    private static Run measure(String target, String url) throws IOException, InterruptedException {
        long cpu0 = PROCESS.getProcessCpuTime();
        long switches0 = contextSwitches();
        String out = wrk(url, DURATION);
        long cpu = PROCESS.getProcessCpuTime() - cpu0;
        long switches = contextSwitches() - switches0;
        Matcher total = Pattern.compile("(\\d+) requests in").matcher(out);
        assertTrue(total.find(), out);
        long requests = Long.parseLong(total.group(1));
        Run r = parse(target, out);
        return new Run(target, r.rps(), r.p99Ms(), cpu / 1000.0 / requests, (double) switches / requests, out);
    }

    /** Voluntary and involuntary context switches of this JVM's live threads (Linux; 0 elsewhere). */
    private static long contextSwitches() throws IOException {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return 0;
        }
        long n = 0;
        try (var dirs = Files.list(tasks)) {
            for (Path t : (Iterable<Path>) dirs::iterator) {
                try {
                    for (String line : Files.readAllLines(t.resolve("status"))) {
                        if (line.contains("ctxt_switches:")) {
                            n += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (IOException gone) {
                    // the thread ended while we read
                }
            }
        }
        return n;
    }

    private static String wrk(String url, String duration) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("wrk", "-t1", "-c" + CONNECTIONS, "-d" + duration, "--latency", url)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(!out.contains("Non-2xx"), "every answer must be a 200:\n" + out);
        return out;
    }

    private static Run parse(String target, String out) {
        Matcher rps = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(out);
        Matcher p99 = Pattern.compile("99%\\s+([\\d.]+)(us|ms|s)").matcher(out);
        assertTrue(rps.find() && p99.find(), out);
        double v = Double.parseDouble(p99.group(1));
        double ms = switch (p99.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
        return new Run(target, Double.parseDouble(rps.group(1)), ms, 0, 0, out);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return String.format("%.2f", PROCESS.getSystemLoadAverage());
        }
    }

    private static void report(List<Run> runs) throws IOException {
        StringBuilder b = new StringBuilder(String.format("wrk -t1 -c%s -d%s after %s warm-up, %d rounds, %d cores, "
                + "load average %s%n", CONNECTIONS, DURATION, WARMUP, ROUNDS, Runtime.getRuntime().availableProcessors(),
                loadAverage()));
        for (Run r : runs) {
            b.append(String.format("%-8s %10.0f req/s   p99 %7.2f ms   CPU %5.1f us/req   %4.2f switches/req%n",
                    r.target(), r.rps(), r.p99Ms(), r.cpuUs(), r.switches()));
        }
        double bareRps = runs.stream().filter(r -> r.target().equals("bare")).mapToDouble(Run::rps).average().orElse(0);
        double gwRps = runs.stream().filter(r -> r.target().equals("gateway")).mapToDouble(Run::rps).average().orElse(0);
        double stubRps = runs.stream().filter(r -> r.target().equals("stub")).mapToDouble(Run::rps).average().orElse(0);
        b.append(String.format("stub (gateway, no engine) %.0f req/s = %.0f%% of bare%n", stubRps, 100 * stubRps / bareRps));
        double bareP99 = runs.stream().filter(r -> r.target().equals("bare")).mapToDouble(Run::p99Ms).average().orElse(0);
        double gwP99 = runs.stream().filter(r -> r.target().equals("gateway")).mapToDouble(Run::p99Ms).average().orElse(0);
        b.append(String.format("mean: bare %.0f req/s p99 %.2f ms; gateway %.0f req/s p99 %.2f ms; "
                + "gateway/bare throughput %.0f%%, p99 ratio %.2f%n", bareRps, bareP99, gwRps, gwP99,
                100 * gwRps / bareRps, gwP99 / bareP99));
        for (String target : List.of("bare", "gateway", "stub")) {
            b.append(String.format("%-8s mean CPU %5.1f us/req, %4.2f context switches/req%n", target,
                    runs.stream().filter(r -> r.target().equals(target)).mapToDouble(Run::cpuUs).average().orElse(0),
                    runs.stream().filter(r -> r.target().equals(target)).mapToDouble(Run::switches).average().orElse(0)));
        }
        System.out.print(b);
        Path out = Path.of("target/benchmarks/gateway.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, b.toString());
    }
}
