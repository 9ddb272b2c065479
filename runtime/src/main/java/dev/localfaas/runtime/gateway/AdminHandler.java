package dev.localfaas.runtime.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything under {@code /_faas/}: picks the mounted handler with the longest matching prefix, and answers JSON
 * itself for the index and for paths nobody serves. Mounting works before and after the gateway starts.
 */
final class AdminHandler implements HttpHandler {

    static final String ROOT = "/_faas";

    private final Map<String, HttpHandler> mounts = new ConcurrentHashMap<>();

    /** @throws IllegalArgumentException unless the prefix is a path under {@code /_faas/} */
    void mount(String prefix, HttpHandler handler) {
        String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        if (!p.startsWith(ROOT + "/") || p.length() <= ROOT.length() + 1) {
            throw new IllegalArgumentException("admin prefix '" + prefix + "' must be a path under " + ROOT
                    + "/, such as " + ROOT + "/queues");
        }
        if (mounts.putIfAbsent(p, handler) != null) {
            throw new IllegalArgumentException("admin prefix " + p + " is already mounted");
        }
    }

    List<String> prefixes() {
        return mounts.keySet().stream().sorted().toList();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestPath();
        String best = null;
        for (String prefix : mounts.keySet()) {
            if ((path.equals(prefix) || path.startsWith(prefix + "/"))
                    && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        if (best != null) {
            mounts.get(best).handleRequest(exchange);
        } else if (path.equals(ROOT) || path.equals(ROOT + "/")) {
            Responses.json(exchange, 200, Json.bytes(Map.of("endpoints", prefixes())));
        } else {
            Responses.message(exchange, 404, "Not Found: " + path + " (see " + ROOT + "/ for the admin endpoints)");
        }
    }
}
