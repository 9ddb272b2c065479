package dev.localfaas.runtime.gateway.upstream;

import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Chooses among the targets in rotation (the balancer's hosts) by weight: smooth weighted round robin, or fewest
 * requests in flight per unit of weight. Targets of weight 0 are chosen only when no weighted target is in rotation.
 * Undertow's balancer then skips a choice whose connection pool is marked as failing.
 */
final class TargetPicker implements LoadBalancingProxyClient.HostSelector {

    private final Map<URI, TargetState> byOrigin;
    private final Balancing balancing;
    private final Map<URI, long[]> current = new HashMap<>();
    private int turn;

    TargetPicker(Map<URI, TargetState> byOrigin, Balancing balancing) {
        this.byOrigin = Map.copyOf(byOrigin);
        this.balancing = balancing;
    }

    @Override
    public synchronized int selectHost(LoadBalancingProxyClient.Host[] hosts) {
        boolean anyWeighted = false;
        for (LoadBalancingProxyClient.Host h : hosts) {
            anyWeighted |= weight(h, true) > 0;
        }
        return balancing == Balancing.ROUND_ROBIN ? roundRobin(hosts, anyWeighted) : leastRequests(hosts, anyWeighted);
    }

    private int roundRobin(LoadBalancingProxyClient.Host[] hosts, boolean anyWeighted) {
        int best = 0;
        long bestValue = Long.MIN_VALUE;
        long total = 0;
        for (int i = 0; i < hosts.length; i++) {
            int w = weight(hosts[i], anyWeighted);
            if (w == 0) {
                continue;
            }
            long[] c = current.computeIfAbsent(hosts[i].getUri(), u -> new long[1]);
            c[0] += w;
            total += w;
            if (c[0] > bestValue) {
                bestValue = c[0];
                best = i;
            }
        }
        current.get(hosts[best].getUri())[0] -= total;
        return best;
    }

    private int leastRequests(LoadBalancingProxyClient.Host[] hosts, boolean anyWeighted) {
        int best = -1;
        double bestLoad = Double.MAX_VALUE;
        int start = Math.floorMod(turn++, hosts.length);
        for (int k = 0; k < hosts.length; k++) {
            int i = (start + k) % hosts.length;
            int w = weight(hosts[i], anyWeighted);
            if (w == 0) {
                continue;
            }
            TargetState s = byOrigin.get(hosts[i].getUri());
            double load = (s == null ? 0 : s.inFlight.get() + 1) / (double) w;
            if (load < bestLoad) {
                bestLoad = load;
                best = i;
            }
        }
        return Math.max(best, 0);
    }

    /** The host's weight; every weight counts as 1 when none in rotation has one. */
    private int weight(LoadBalancingProxyClient.Host host, boolean anyWeighted) {
        TargetState s = byOrigin.get(host.getUri());
        int w = s == null ? 0 : s.target.weight();
        return anyWeighted ? w : 1;
    }
}
