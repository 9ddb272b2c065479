package dev.localfaas.runtime.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.Locale;

/**
 * Refuses state-changing requests that a browser marks as coming from another site: any web page may send a
 * {@code text/plain} POST to 127.0.0.1 without a CORS preflight, and would otherwise invoke functions, send to queues
 * or fire schedules. Browsers say where a request comes from ({@code Sec-Fetch-Site}, {@code Origin}); the CLI, the
 * AWS SDKs and curl send neither, so they pass. GET and HEAD change nothing here and pass too.
 */
final class CrossSiteHandler implements HttpHandler {

    private static final HttpString SEC_FETCH_SITE = new HttpString("Sec-Fetch-Site");

    private final Refusal refusal;
    private final HttpHandler next;

    CrossSiteHandler(Refusal refusal, HttpHandler next) {
        this.refusal = refusal;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HttpString method = exchange.getRequestMethod();
        String reason = method.equals(Methods.GET) || method.equals(Methods.HEAD) ? null : crossSite(exchange);
        if (reason == null) {
            next.handleRequest(exchange);
        } else {
            refusal.refuse(exchange, 403, method + " " + exchange.getRequestPath() + " refused: " + reason
                    + "; web pages may not drive localfaas (use the CLI, an SDK or curl, which send no Origin)");
        }
    }

    /** Why the request is cross-site, or {@code null} when it is not. */
    static String crossSite(HttpServerExchange exchange) {
        String site = exchange.getRequestHeaders().getFirst(SEC_FETCH_SITE);
        if (site != null && (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site"))) {
            return "the browser marked it Sec-Fetch-Site: " + site;
        }
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        if (origin == null) {
            return null;
        }
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        String o = origin.toLowerCase(Locale.ROOT);
        if (host != null && (o.equals("http://" + host.toLowerCase(Locale.ROOT))
                || o.equals("https://" + host.toLowerCase(Locale.ROOT)))) {
            return null;
        }
        return "Origin " + origin + " is not this gateway (" + (host == null ? "no Host" : "http://" + host) + ")";
    }
}
