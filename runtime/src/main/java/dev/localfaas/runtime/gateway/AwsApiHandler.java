package dev.localfaas.runtime.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Hands requests that speak an AWS wire protocol to the {@link AwsApi}, and everything else on to {@code next}. A
 * request is claimed by its headers alone, before any body is read: an {@code X-Amz-Target} (AWS JSON protocols), a
 * form POST or an {@code Action=} GET to {@code /} or to a queue URL path {@code /ACCOUNT/NAME} (query protocol), or a
 * GET under {@code /2015-03-31/functions} or any call on a function's versions and aliases (Lambda management;
 * Invoke stays with the Invoke API).
 */
final class AwsApiHandler implements HttpHandler {
    private static final Pattern QUERY_PATHS = Pattern.compile("/|/\\d{12}/[^/]+/?");
    private static final HttpString TARGET = new HttpString("X-Amz-Target");
    /** Lambda's version and alias operations, which also POST, PUT and DELETE. */
    private static final Pattern LAMBDA_VERSIONS = Pattern.compile(
            "/2015-03-31/functions/[^/]+/(versions|aliases)(/[^/]+)?/?");

    private final AwsApi api;

    AwsApiHandler(AwsApi api) {
        this.api = api;
    }

    static boolean claims(HttpServerExchange exchange) {
        if (exchange.getRequestHeaders().contains(TARGET)) {
            return true;
        }
        String method = exchange.getRequestMethod().toString();
        String path = exchange.getRequestPath();
        if (method.equals("GET") && path.startsWith("/2015-03-31/functions")) {
            return true;
        }
        if (LAMBDA_VERSIONS.matcher(path).matches()) {
            return true;
        }
        if (!QUERY_PATHS.matcher(path).matches()) {
            return false;
        }
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        return (method.equals("POST") && type != null && type.startsWith("application/x-www-form-urlencoded"))
                || (method.equals("GET") && exchange.getQueryParameters().containsKey("Action"));
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        Map<String, List<String>> headers = new HashMap<>();
        for (HeaderValues values : exchange.getRequestHeaders()) {
            headers.put(values.getHeaderName().toString().toLowerCase(Locale.ROOT), new ArrayList<>(values));
        }
        Map<String, List<String>> query = new HashMap<>();
        for (Map.Entry<String, Deque<String>> q : exchange.getQueryParameters().entrySet()) {
            query.put(q.getKey(), new ArrayList<>(q.getValue()));
        }
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        String base = exchange.getRequestScheme() + "://" + (host != null ? host : exchange.getHostAndPort());
        AwsApiResponse answer = api.handle(new AwsApiRequest(exchange.getRequestMethod().toString(),
                exchange.getRequestPath(), base, headers, query, FullBodyHandler.body(exchange)));
        exchange.setStatusCode(answer.status());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, answer.contentType());
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().put(new HttpString(k), v));
        exchange.getResponseSender().send(ByteBuffer.wrap(answer.body()));
    }

    /** Claimed requests go to the API, the rest to {@code next}. */
    static HttpHandler route(HttpHandler awsApi, HttpHandler next) {
        return exchange -> (claims(exchange) ? awsApi : next).handleRequest(exchange);
    }
}
