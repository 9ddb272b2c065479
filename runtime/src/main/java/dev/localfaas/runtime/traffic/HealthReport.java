package dev.localfaas.runtime.traffic;

/**
 * How one version of a function did over the rules' window.
 *
 * @param status      {@code healthy}, {@code degraded} (failures, under the limits) or {@code failing} (a rule breached)
 * @param reason      the breached rule with the figures, or "" when none
 */
public record HealthReport(String function, String version, String status, long requests, long errors,
                           long timeouts, double errorRate, double timeoutRate, double p99Ms, String reason) {

    public static final String HEALTHY = "healthy";
    public static final String DEGRADED = "degraded";
    public static final String FAILING = "failing";

    public boolean failing() {
        return status.equals(FAILING);
    }
}
