package dev.localfaas.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.gateway.policy.AccessPolicies;
import dev.localfaas.runtime.gateway.policy.JwtAuthorizer;
import dev.localfaas.runtime.gateway.policy.LocalKey;
import dev.localfaas.runtime.gateway.policy.RoutePolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost of a JWT authorizer: the same warm route, open and then guarded by an RS256 JWT authorizer, measured in
 * alternating rounds with {@code wrk}. Not part of the build: run it with
 * {@code mvn -B -pl runtime -am test -Dtest=GatewayJwtBenchmark -Dfaas.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false}.
 * Results go to stdout and {@code runtime/target/benchmarks/gateway-jwt.txt}.
 */
@Tag("benchmark")
class GatewayJwtBenchmark {

    static final String CONNECTIONS = System.getProperty("bench.connections", "50");
    static final String DURATION = System.getProperty("bench.duration", "5s");
    static final String WARMUP = System.getProperty("bench.warmup", "10s");
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    @TempDir
    Path dir;

    @Test
    void jwtCheckedRouteAgainstOpenRoute() throws Exception {
        LocalKey key = LocalKey.loadOrCreate(dir.resolve("jwt-key.json"));
        String token = key.token("alice", List.of("users:read"), LocalKey.AUDIENCE, Duration.ofHours(1));
        AccessPolicies guarded = new AccessPolicies(Map.of(), new RoutePolicy(null, JwtAuthorizer.publicKeys("bench",
                LocalKey.ISSUER, List.of(LocalKey.AUDIENCE), "Authorization",
                new ImmutableJWKSet<SecurityContext>(key.publicKeys())), List.of("users:read")));
        try (LocalFaas faas = LocalFaas.open(RuntimeConfig.forDirectory(Samples.copy(dir.resolve("functions"), "hello.jar"))
                .withStateDir(dir.resolve("state")).withSnapshotJars(true))) {
            Gateway gw = Gateway.create(GatewayConfig.defaults().withPort(0), faas).onNotice(n -> { }).start();
            String url = gw.url() + "/hello";
            wrk(url, WARMUP, token);
            gw.accessPolicies(guarded);
            wrk(url, WARMUP, token);
            List<String> lines = new ArrayList<>();
            double open = 0;
            double jwt = 0;
            for (int i = 0; i < ROUNDS; i++) {
                gw.accessPolicies(AccessPolicies.NONE);
                double o = rps(wrk(url, DURATION, token));
                gw.accessPolicies(guarded);
                double j = rps(wrk(url, DURATION, token));
                open += o;
                jwt += j;
                lines.add(String.format("round %d: open %.0f req/s, jwt %.0f req/s", i + 1, o, j));
            }
            lines.add(String.format("mean: open %.0f req/s, jwt %.0f req/s, jwt/open %.2f (load %s)", open / ROUNDS,
                    jwt / ROUNDS, jwt / open, Files.readString(Path.of("/proc/loadavg")).trim()));
            gw.stop();
            lines.forEach(System.out::println);
            Path out = Path.of("target/benchmarks/gateway-jwt.txt");
            Files.createDirectories(out.getParent());
            Files.write(out, lines);
        }
    }

    private static double rps(String out) {
        Matcher m = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(out);
        assertTrue(m.find(), out);
        return Double.parseDouble(m.group(1));
    }

    private static String wrk(String url, String duration, String token) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("wrk", "-t1", "-c" + CONNECTIONS, "-d" + duration,
                "-H", "Authorization: Bearer " + token, url).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(!out.contains("Non-2xx"), "every answer must be a 200:\n" + out);
        return out;
    }
}
