package dev.localfaas.runtime.observe;

import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.gateway.Gateway;
import java.util.List;
import java.util.function.Supplier;

/** Puts the dashboard on a gateway: the page at {@code /_faas/}, the stream, and the endpoints it reads. */
public final class Dashboard {

    public static final String PAGE = "/_faas/";
    public static final String STREAM = "/_faas/stream";
    static final String RESOURCES = "dev/localfaas/runtime/observe/dashboard";

    private Dashboard() {
    }

    /** Serves the dashboard of {@code feed}; call before the gateway starts. */
    public static void serve(Gateway gateway, LiveFeed feed, Supplier<List<FunctionSpec>> functions) {
        ObserveEndpoints endpoints = new ObserveEndpoints(feed, functions);
        gateway.servePage(Dashboard.class.getClassLoader(), RESOURCES)
                .serveStream(STREAM, feed::subscribe)
                .mount(ObserveEndpoints.OVERVIEW, endpoints.overview())
                .mount(ObserveEndpoints.TRACES, endpoints.traces())
                .mount(ObserveEndpoints.LOGS, endpoints.logs())
                .mount(ObserveEndpoints.MAP, endpoints.map());
    }
}
