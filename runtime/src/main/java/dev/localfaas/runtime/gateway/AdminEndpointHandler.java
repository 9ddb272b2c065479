package dev.localfaas.runtime.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** Runs an {@link AdminEndpoint} for a request under its mount prefix and writes its answer as JSON. */
final class AdminEndpointHandler implements HttpHandler {

    private final String prefix;
    private final AdminEndpoint endpoint;
    private final long maxBodyBytes;

    AdminEndpointHandler(String prefix, AdminEndpoint endpoint, long maxBodyBytes) {
        this.prefix = prefix;
        this.endpoint = endpoint;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        exchange.startBlocking(); // already on a worker thread (see HandlerChain)
        int limit = (int) Math.min(maxBodyBytes, Integer.MAX_VALUE - 9);
        byte[] body;
        try {
            body = exchange.getInputStream().readNBytes(limit + 1);
        } catch (java.io.IOException e) {
            exchange.endExchange(); // the client went away, or sent less than it declared (BodyDeadlineHandler)
            return;
        }
        if (body.length > limit) { // a chunked body: BodyLimitHandler only sees declared lengths
            exchange.getResponseHeaders().put(io.undertow.util.Headers.CONNECTION, "close");
            Responses.message(exchange, 413, "admin request body must be at most " + maxBodyBytes + " bytes; send less");
            return;
        }
        String path = exchange.getRequestPath();
        String sub = path.length() > prefix.length() ? path.substring(prefix.length()) : "";
        AdminRequest request = new AdminRequest(exchange.getRequestMethod().toString(), path, sub,
                QueryString.parse(exchange.getQueryString()), body,
                exchange.getRequestHeaders().getFirst(dev.localfaas.runtime.execution.TraceHeader.HTTP_HEADER));
        AdminResponse response = endpoint.handle(request);
        if (response.body() instanceof AdminResponse.Text text) {
            exchange.setStatusCode(response.status());
            exchange.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_TYPE, text.contentType());
            Responses.send(exchange, text.content().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        Responses.json(exchange, response.status(), Json.bytes(response.body() == null ? Json.object() : response.body()));
    }
}
