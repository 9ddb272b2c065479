package dev.localfaas.runtime.gateway.upstream;

import java.time.Duration;

/**
 * How the gateway checks each target of an upstream: a {@code GET path} every {@code interval}, answered within
 * {@code timeout} with a status below 500 (the service answers and does not report itself failing: a Spring Boot
 * {@code /actuator/health} says 503 when DOWN). {@code unhealthyThreshold} failures in a row take a target out of
 * rotation; {@code healthyThreshold} passes in a row bring it back. Requests also eject a target passively
 * ({@link TargetState}).
 */
public record HealthCheck(String path, Duration interval, Duration timeout, int healthyThreshold,
                          int unhealthyThreshold) {

    /**
     * {@code GET /} every 5 s, 2 s timeout, back after 2 passes, out after 2 failures: a stopped service is out within
     * seconds (a refused request ejects it at once anyway), and a JVM service busy with its first requests is not
     * (an AWS ALB checks every 30 s, 5 s timeout, 5 passes, 2 failures).
     */
    public static final HealthCheck DEFAULTS = new HealthCheck("/", Duration.ofSeconds(5), Duration.ofSeconds(2), 2, 2);

    public HealthCheck {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("health-check path '" + path + "' must start with '/', like /health");
        }
        if (interval.toMillis() < 10 || timeout.toMillis() < 10) {
            throw new IllegalArgumentException("health-check interval and timeout must be at least 10ms");
        }
        if (healthyThreshold < 1 || unhealthyThreshold < 1 || healthyThreshold > 100 || unhealthyThreshold > 100) {
            throw new IllegalArgumentException("health-check thresholds must be from 1 to 100");
        }
    }

    public HealthCheck withPath(String path) {
        return new HealthCheck(path, interval, timeout, healthyThreshold, unhealthyThreshold);
    }

    public HealthCheck withInterval(Duration interval) {
        return new HealthCheck(path, interval, timeout, healthyThreshold, unhealthyThreshold);
    }

    public HealthCheck withTimeout(Duration timeout) {
        return new HealthCheck(path, interval, timeout, healthyThreshold, unhealthyThreshold);
    }

    public HealthCheck withThresholds(int healthy, int unhealthy) {
        return new HealthCheck(path, interval, timeout, healthy, unhealthy);
    }
}
