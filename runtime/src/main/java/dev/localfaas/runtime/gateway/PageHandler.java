package dev.localfaas.runtime.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves a web page's files from the classpath: {@code /_faas/} is its {@code index.html}, {@code /_faas/ui/NAME} its
 * other files. The page holds no data (everything it shows comes from the admin API, with the token when one is
 * required), so it is served without the token; a Content-Security-Policy keeps it to this origin, with no CDN and
 * no inline script.
 */
final class PageHandler implements HttpHandler {

    static final String ASSETS = AdminHandler.ROOT + "/ui/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "png", "image/png");
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final ClassLoader loader;
    private final String base;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /** @param base the resource folder, e.g. {@code dev/localfaas/runtime/observe/dashboard} */
    PageHandler(ClassLoader loader, String base) {
        this.loader = loader;
        this.base = base.endsWith("/") ? base : base + "/";
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals(Methods.GET) && !exchange.getRequestMethod().equals(Methods.HEAD)) {
            Responses.message(exchange, 405, exchange.getRequestMethod() + " is not supported on "
                    + exchange.getRequestPath() + "; the dashboard's files are read with GET");
            return;
        }
        String path = exchange.getRequestPath();
        String name = path.startsWith(ASSETS) ? path.substring(ASSETS.length()) : "index.html";
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
        byte[] body = type == null || !name.matches("[A-Za-z0-9_-]+\\.[a-z]+") ? null : load(name);
        if (body == null) {
            Responses.message(exchange, 404, "no dashboard file " + path + "; open " + AdminHandler.ROOT + "/");
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, type);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
        exchange.getResponseHeaders().put(Headers.CONTENT_SECURITY_POLICY, POLICY);
        exchange.getResponseHeaders().put(Headers.X_CONTENT_TYPE_OPTIONS, "nosniff");
        exchange.getResponseHeaders().put(Headers.X_FRAME_OPTIONS, "DENY");
        Responses.send(exchange, body);
    }

    private byte[] load(String name) throws IOException {
        byte[] cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        try (InputStream in = loader.getResourceAsStream(base + name)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            cache.put(name, bytes);
            return bytes;
        }
    }
}
