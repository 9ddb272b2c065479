package dev.localfaas.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.gateway.upstream.UpstreamArgument;
import dev.localfaas.runtime.gateway.upstream.Upstreams;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an upstream route costs: {@code wrk} against an HTTP service directly, and against the same service through
 * the gateway's upstream route (routing, the access-policy step, Undertow's proxy and balancer, health checks on),
 * in alternating rounds in one run. Not part of the build: run it with
 * {@code mvn -B -pl runtime -am test -Dtest=UpstreamOverheadBenchmark -Dfaas.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false}.
 * Results go to stdout and {@code runtime/target/benchmarks/upstream.txt}.
 */
@Tag("benchmark")
class UpstreamOverheadBenchmark {

    static final String CONNECTIONS = System.getProperty("bench.connections", "50");
    static final String DURATION = System.getProperty("bench.duration", "5s");
    static final String WARMUP = System.getProperty("bench.warmup", "10s");
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final byte[] BODY = "{\"order\":42,\"status\":\"shipped\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void upstreamRouteVersusTheServiceDirectly() throws Exception {
        Undertow service = Undertow.builder().addHttpListener(0, "127.0.0.1").setIoThreads(2)
                .setHandler(ex -> {
                    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                    ex.getResponseSender().send(ByteBuffer.wrap(BODY));
                }).build();
        service.start();
        String direct = "http://127.0.0.1:" + ((InetSocketAddress) service.getListenerInfo().get(0).getAddress()).getPort();
        try (LocalFaas faas = LocalFaas.open(RuntimeConfig.forDirectory(dir).withStateDir(dir.resolve(".faas")))) {
            Gateway gateway = Gateway.create(GatewayConfig.defaults().withPort(0), faas)
                    .upstreams(Upstreams.of(List.of(UpstreamArgument.parse("/orders/*=" + direct))))
                    .onNotice(line -> { }).start();
            try {
                String proxied = gateway.url() + "/orders/42";
                wrk(direct + "/orders/42", WARMUP);
                wrk(proxied, WARMUP);
                List<String> lines = new ArrayList<>();
                lines.add("round  direct req/s  direct p50/p99     upstream req/s  upstream p50/p99");
                double sumDirect = 0;
                double sumProxied = 0;
                for (int i = 1; i <= ROUNDS; i++) {
                    String d = wrk(direct + "/orders/42", DURATION);
                    String p = wrk(proxied, DURATION);
                    sumDirect += rps(d);
                    sumProxied += rps(p);
                    lines.add(String.format("%5d  %12.0f  %-17s  %14.0f  %s", i, rps(d), latency(d), rps(p), latency(p)));
                }
                lines.add(String.format("mean   %12.0f  %-17s  %14.0f  (%.2f of direct)", sumDirect / ROUNDS, "",
                        sumProxied / ROUNDS, sumProxied / sumDirect));
                lines.add("load average at the end: " + Files.readString(Path.of("/proc/loadavg")).trim());
                lines.forEach(System.out::println);
                Path out = Path.of("target/benchmarks/upstream.txt");
                Files.createDirectories(out.getParent());
                Files.write(out, lines);
                assertTrue(sumProxied > 0);
            } finally {
                gateway.stop();
            }
        } finally {
            service.stop();
        }
    }

    private static double rps(String out) {
        Matcher m = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String latency(String out) {
        Matcher p50 = Pattern.compile("\\s50%\\s+([\\d.]+\\w+)").matcher(out);
        Matcher p99 = Pattern.compile("\\s99%\\s+([\\d.]+\\w+)").matcher(out);
        return (p50.find() ? p50.group(1) : "?") + " / " + (p99.find() ? p99.group(1) : "?");
    }

    private static String wrk(String url, String duration) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("wrk", "-t1", "-c" + CONNECTIONS, "-d" + duration, "--latency", url)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        return out;
    }
}
