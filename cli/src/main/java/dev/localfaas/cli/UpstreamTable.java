package dev.localfaas.cli;

import dev.localfaas.runtime.gateway.upstream.UpstreamStatus;
import java.io.PrintWriter;
import java.util.List;

/** The start banner's upstreams: each route set, its targets with weight and health, and how they are checked. */
final class UpstreamTable {

    private UpstreamTable() {
    }

    static void print(PrintWriter out, List<UpstreamStatus> upstreams, String baseUrl) {
        if (upstreams.isEmpty()) {
            return;
        }
        out.println();
        out.println("HTTP upstreams (state: " + baseUrl + "/_faas/upstreams)");
        for (UpstreamStatus u : upstreams) {
            out.println("  " + String.join(", ", u.routes()) + "  ->  " + u.balance() + ", health check "
                    + u.healthCheck() + ", path " + u.rewrite());
            for (UpstreamStatus.Target t : u.targets()) {
                out.println("      " + t.url() + "  weight " + t.weight() + (t.healthy() ? "" : "  (out of rotation: "
                        + t.lastProblem() + ")"));
            }
        }
    }
}
