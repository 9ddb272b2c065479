package dev.localfaas.runtime.gateway.upstream;

import java.util.List;

/**
 * An upstream as {@code GET /_faas/upstreams} and {@code faas run}'s banner show it.
 *
 * @param routes  its route keys, e.g. {@code ANY /orders/{proxy+}}
 * @param healthy targets in rotation now
 */
public record UpstreamStatus(String name, List<String> routes, String balance, String healthCheck, String rewrite,
                             int healthy, List<Target> targets) {

    /**
     * @param inFlight    requests sent to it and not yet answered
     * @param requests    requests it answered (or failed) since start
     * @param errors      5xx answers and failed connections
     * @param ejections   times it was taken out of rotation
     * @param lastProblem the last failure seen, "" when none
     */
    public record Target(String url, int weight, boolean healthy, int inFlight, long requests, long errors,
                         long ejections, String lastProblem) {
    }
}
