package dev.localfaas.runtime.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.localfaas.runtime.function.HttpRoute;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --upstream} as users write it, and every one-line message a mistake in it gets. */
class UpstreamArgumentTest {

    @Test
    void readsRoutesTargetsWeightsAndSettings() {
        UpstreamSpec spec = UpstreamArgument.parse("GET /orders/*=http://127.0.0.1:8081;weight=9, http://127.0.0.1:8082;weight=1,"
                + "balance=least-requests,health=/actuator/health,interval=500ms,timeout=2s,healthy=3,unhealthy=4,retries=1");
        assertEquals("/orders/*", spec.name());
        assertEquals(List.of(new HttpRoute("GET", "/orders"), new HttpRoute("GET", "/orders/{proxy+}")), spec.routes());
        assertEquals(List.of(9, 1), spec.targets().stream().map(UpstreamTarget::weight).toList());
        assertEquals(Balancing.LEAST_REQUESTS, spec.balancing());
        assertEquals(new HealthCheck("/actuator/health", Duration.ofMillis(500), Duration.ofSeconds(2), 3, 4), spec.health());
        assertEquals(1, spec.retries());
    }

    @Test
    void defaultsAreDocumented() {
        UpstreamSpec spec = UpstreamArgument.parse("/health=http://127.0.0.1:8081");
        assertEquals(List.of(new HttpRoute("ANY", "/health")), spec.routes());
        assertEquals(HealthCheck.DEFAULTS, spec.health());
        assertEquals(new HealthCheck("/", Duration.ofSeconds(5), Duration.ofSeconds(2), 2, 2), HealthCheck.DEFAULTS);
        assertEquals(Balancing.ROUND_ROBIN, spec.balancing());
        assertEquals(2, spec.retries());
        assertEquals(1, spec.targets().get(0).weight());
    }

    @Test
    void rewritesPathsAsDocumented() {
        assertEquals("/orders/42", UpstreamArgument.parse("/orders/*=http://h:1").rewrite().apply("/orders/42", Map.of()));
        assertEquals("/api/42", UpstreamArgument.parse("/orders/*=http://h:1/api").rewrite().apply("/orders/42", Map.of()));
        assertEquals("/api", UpstreamArgument.parse("/orders/*=http://h:1/api").rewrite().apply("/orders", Map.of()));
        assertEquals("/v1/a%20b/c", UpstreamArgument.parse("/orders/{proxy+}=http://h:1/v1/{proxy}").rewrite()
                .apply("/orders/a%20b/c", Map.of("proxy", "a b/c")));
    }

    @Test
    void everyMistakeIsOneLineThatSaysTheFix() {
        assertMessage("/orders/*", "--upstream '/orders/*': write ROUTE=URL[,URL...], like /orders/*=http://127.0.0.1:8081");
        assertMessage("orders=http://h:1", "--upstream 'orders=http://h:1': the route must start with '/', like /orders/*");
        assertMessage("FETCH /o=http://h:1", "--upstream 'FETCH /o=http://h:1': unknown method FETCH; use GET, POST, PUT,"
                + " DELETE, PATCH, HEAD, OPTIONS or ANY");
        assertMessage("/o=https://h:1", "--upstream '/o=https://h:1': upstream target 'https://h:1' is not an"
                + " http://host:port URL; write it like http://127.0.0.1:8081");
        assertMessage("/o=http://h:1;weight=x", "--upstream '/o=http://h:1;weight=x': upstream target 'http://h:1;weight=x':"
                + " weight must be a whole number from 0 to 1000, as in ;weight=3");
        assertMessage("/o=http://h:1;w=2", "--upstream '/o=http://h:1;w=2': upstream target 'http://h:1;w=2': unknown"
                + " setting 'w=2'; the only one is weight=N, as in http://127.0.0.1:8081;weight=3");
        assertMessage("/o=http://h:1,http://h:1", "--upstream '/o=http://h:1,http://h:1': upstream /o names a target twice;"
                + " give each host:port once and use ;weight=N for a larger share");
        assertMessage("/o=", "--upstream '/o=': '' is neither a target URL nor a setting; settings are balance, health,"
                + " interval, timeout, healthy, unhealthy, retries");
        assertMessage("/o=balance=random", "--upstream '/o=balance=random': balance 'random' is not known; use round-robin"
                + " or least-requests");
        assertMessage("/o=http://h:1,interval=5", "--upstream '/o=http://h:1,interval=5': interval '5' is not a duration;"
                + " write 500ms, 2s or 1m");
        assertMessage("/o=http://h:1,health=status", "--upstream '/o=http://h:1,health=status': health-check path"
                + " 'status' must start with '/', like /health");
        assertMessage("/o=http://h:1,healthy=0", "--upstream '/o=http://h:1,healthy=0': health-check thresholds must be"
                + " from 1 to 100");
        assertMessage("/o=http://h:1/a,http://h:2/b", "--upstream '/o=http://h:1/a,http://h:2/b': all targets of one route"
                + " must have the same path (or none); http://h:2/b differs from http://h:1/a");
        assertMessage("/o/*/x=http://h:1", "--upstream '/o/*/x=http://h:1': '*' may only end the route, as in /orders/*");
    }

    private static void assertMessage(String argument, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> UpstreamArgument.parse(argument))
                .getMessage());
    }
}
