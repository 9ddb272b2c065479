package dev.localfaas.runtime.traffic;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deployment preferences as a template writes them, their one-line errors, and hooks that pass or fail. */
class DeploymentRulesTest {

    @TempDir
    Path tmp;

    @Test
    void readsTypeLocalAlarmsAndHooks() {
        List<String> warnings = new ArrayList<>();
        DeploymentPreference p = DeploymentPreference.parse(Map.of("Type", "Linear10PercentEvery1Minute",
                "Alarms", List.of(Map.of("ErrorRate", "5%", "P99", "800ms"), Map.of("Window", "30s"), "MyAlarm"),
                "Hooks", Map.of("PreTraffic", "check", "PostTraffic", "smoke")), warnings::add);
        assertEquals(DeploymentType.LINEAR_10_1, p.type());
        assertEquals(9, p.type().steps().size());
        assertEquals(new HealthRules(0.05, 0, 800, Duration.ofSeconds(30), 10), p.rules());
        assertEquals("error rate > 5% or p99 > 800 ms over 30 s (at least 10 calls)", p.rules().describe());
        assertEquals("check", p.preTraffic());
        assertEquals("smoke", p.postTraffic());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("alarm MyAlarm is a CloudWatch alarm, which localfaas cannot evaluate"));
        assertEquals(HealthRules.NONE, DeploymentPreference.parse(Map.of("Type", "AllAtOnce", "Alarms", List.of()),
                w -> { }).rules());
        assertEquals(List.of(new DeploymentType.Step(0.1, Duration.ofMinutes(5))), DeploymentType.CANARY_10_5.steps());
    }

    @Test
    void badPreferencesAreOneLineErrors() {
        assertEquals("DeploymentPreference Type Canary50Percent is not a Lambda deployment configuration; use one of "
                + DeploymentType.labels(), message(Map.of("Type", "Canary50Percent")));
        assertEquals("Alarms key Latency is not a local health rule; use ErrorRate, TimeoutRate, P99, Window or "
                + "MinRequests (docs/traffic.md)", message(Map.of("Type", "AllAtOnce", "Alarms",
                List.of(Map.of("Latency", "1s")))));
        assertEquals("Alarms ErrorRate 'lots' is not a share; write 5% or 0.05", message(Map.of("Type", "AllAtOnce",
                "Alarms", List.of(Map.of("ErrorRate", "lots")))));
        assertEquals("DeploymentPreference has no Type; use one of " + DeploymentType.labels(), message(Map.of()));
    }

    @Test
    void aFailingPreTrafficHookAbortsAndAPassingOneLetsTheDeploymentFinish() throws Exception {
        try (TrafficGateway g = new TrafficGateway(tmp)) {
            Traffic traffic = g.faas.traffic();
            traffic.publish("release", "");
            traffic.setAlias("release", "live", "1", Map.of(), "");
            g.configure("release", Map.of("RELEASE", "green"));
            traffic.publish("release", "");
            g.configure("release-check", Map.of("CHECK_FAILS", "true"));
            DeploymentPreference checked = new DeploymentPreference(DeploymentType.ALL_AT_ONCE, HealthRules.DEFAULT,
                    "release-check", null, true);

            DeploymentRecord aborted = g.faas.deployments().deploy("release", "live", "2", checked);
            await().atMost(Duration.ofSeconds(30)).until(() -> !status(g, aborted.id()).equals("in-progress"));
            assertEquals(DeploymentRecord.ABORTED, status(g, aborted.id()));
            assertEquals("1", traffic.alias("release", "live").orElseThrow().version());
            assertTrue(g.notices.stream().anyMatch(n -> n.contains("aborted: PreTraffic hook release-check failed "
                    + "(error, java.lang.IllegalStateException); the alias stays on version 1")), g.notices.toString());

            g.configure("release-check", Map.of("CHECK_FAILS", "false"));
            DeploymentRecord passed = g.faas.deployments().deploy("release", "live", "2", checked);
            await().atMost(Duration.ofSeconds(30)).until(() -> status(g, passed.id()).equals("succeeded"));
            assertEquals("2", traffic.alias("release", "live").orElseThrow().version());

            assertEquals("alias name '7' must be 1 to 128 letters, digits, - or _, and not a number (numbers are "
                    + "versions)", assertThrows(TrafficException.class, () -> traffic.setAlias("release", "7", "1",
                    Map.of(), "")).getMessage());
            assertEquals("the weight of version 2 is 1.5; use a share from 0.0 to 1.0, e.g. 0.1 for 10% of the calls",
                    assertThrows(TrafficException.class, () -> traffic.setAlias("release", "live", "1",
                            Map.of("2", 1.5), "")).getMessage());
        }
    }

    private static String status(TrafficGateway g, String id) {
        return g.faas.deployments().history().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow()
                .status();
    }

    private static String message(Map<String, Object> preference) {
        return assertThrows(IllegalArgumentException.class, () -> DeploymentPreference.parse(preference, w -> { }))
                .getMessage();
    }
}
