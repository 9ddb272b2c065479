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
 * Results go to stdout and {@code runtime/target/benchmarks/gateway.txt}.
 */
@Tag("benchmark")
class GatewayThroughputBenchmark {

    static final String CONNECTIONS = System.getProperty("bench.connections", "50");
    static final String DURATION = System.getProperty("bench.duration", "10s");
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final byte[] HELLO = "{\"message\":\"Hello, world!\"}".getBytes(StandardCharsets.UTF_8);

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
                    HELLO, null, "", inv.payload().length, 0);
        }
    }

    record Run(String target, double rps, double p99Ms, String raw) {
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
            wrk(bareUrl, "3s");     // warm up both JITs
            wrk(gatewayUrl, "3s");
            List<Run> runs = new ArrayList<>();
            Gateway stub = Gateway.create(GatewayConfig.defaults().withPort(0), new StubInvoker(faas)).start();
            String stubUrl = stub.url() + "/hello";
            wrk(stubUrl, "3s");
            for (int i = 0; i < ROUNDS; i++) {
                runs.add(parse("bare", wrk(bareUrl, DURATION)));
                runs.add(parse("gateway", wrk(gatewayUrl, DURATION)));
                runs.add(parse("stub", wrk(stubUrl, DURATION)));
            }
            stub.stop();
            report(runs);
            gw.stop();
        } finally {
            bare.stop();
            bareWorkers.shutdownNow();
        }
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
        return new Run(target, Double.parseDouble(rps.group(1)), ms, out);
    }

    private static void report(List<Run> runs) throws IOException {
        StringBuilder b = new StringBuilder(String.format("wrk -t1 -c%s -d%s, %d rounds, %d cores%n",
                CONNECTIONS, DURATION, ROUNDS, Runtime.getRuntime().availableProcessors()));
        for (Run r : runs) {
            b.append(String.format("%-8s %10.0f req/s   p99 %7.2f ms%n", r.target(), r.rps(), r.p99Ms()));
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
        System.out.print(b);
        Path out = Path.of("target/benchmarks/gateway.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, b.toString());
    }
}
