package dev.localfaas.runtime.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.gateway.policy.AccessPolicies;
import dev.localfaas.runtime.gateway.policy.TokenBucket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stage throttling through the real gateway: the bucket runs dry, 429 without an invocation, then refills. */
class GatewayThrottleTest {

    @TempDir
    static Path dir;
    static RunningGateway gw;

    @BeforeAll
    static void start() {
        gw = RunningGateway.start(Samples.copy(dir.resolve("functions"), "hello.jar"), dir.resolve("state"));
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @Test
    void aDryBucketAnswers429UntilItRefills() {
        assertEquals(200, gw.get("/hello").statusCode()); // warm, before throttling starts
        gw.gateway.accessPolicies(AccessPolicies.NONE.withStageThrottle(new TokenBucket(0.5, 2)));
        try {
            gw.faas.flush(); // listeners hear of invocations on the engine's writer thread
            int before = gw.invocationCount();
            assertEquals(200, gw.get("/hello").statusCode());
            assertEquals(200, gw.get("/hello").statusCode());
            HttpResponse<String> refused = gw.get("/hello");
            assertEquals(429, refused.statusCode());
            assertEquals("{\"message\":\"Too Many Requests\"}", refused.body());
            gw.faas.flush();
            assertEquals(before + 2, gw.invocationCount(), "a throttled request costs no invocation");
            assertTrue(gw.notices.stream().anyMatch(n -> n.contains("-> 429 (route ANY /hello of hello, stage "
                    + "throttle rate 0.5/s burst 2)")), gw.notices.toString());
            assertTrue(gw.get("/_faas/functions/hello").body().contains("\"refused\":{\"unauthorized\":0,"
                    + "\"forbidden\":0,\"throttled\":1}"), gw.get("/_faas/functions/hello").body());
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                    .until(() -> gw.get("/hello").statusCode() == 200);
        } finally {
            gw.gateway.accessPolicies(AccessPolicies.NONE);
        }
    }

    @Test
    void aBucketWithoutRateOrBurstIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1));
        assertEquals("throttling needs a rate above 0 and a burst of at least 1, not rate 0.0 burst 1", e.getMessage());
    }
}
