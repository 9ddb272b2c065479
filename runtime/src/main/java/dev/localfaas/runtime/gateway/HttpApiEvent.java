package dev.localfaas.runtime.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API event (payload format 2.0) for a request, as API Gateway sends it: header names lower-cased,
 * repeated headers and query parameters joined with commas, {@code Cookie} headers moved into {@code cookies},
 * and absent parts left out rather than null.
 */
final class HttpApiEvent {

    private HttpApiEvent() {
    }

    static ObjectNode build(IncomingRequest request, RouteMatch match, ApiGatewayContext api, String requestId) {
        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("routeKey", match.routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
        List<String> cookies = cookies(request);
        if (!cookies.isEmpty()) {
            ArrayNode array = event.putArray("cookies");
            cookies.forEach(array::add);
        }
        ObjectNode headers = event.putObject("headers");
        joinedHeaders(request).forEach(headers::put);
        Map<String, List<String>> query = QueryString.parse(request.rawQuery());
        if (!query.isEmpty()) {
            ObjectNode q = event.putObject("queryStringParameters");
            query.forEach((k, v) -> q.put(k, String.join(",", v)));
        }
        event.set("requestContext", requestContext(request, match, api, requestId));
        Optional<BodyEncoding.EventBody> body = BodyEncoding.of(request.body(), request.header("Content-Type"));
        body.ifPresent(b -> event.put("body", b.body()));
        if (!match.pathParameters().isEmpty()) {
            ObjectNode params = event.putObject("pathParameters");
            match.pathParameters().forEach(params::put);
        }
        event.put("isBase64Encoded", body.map(BodyEncoding.EventBody::base64).orElse(false));
        return event;
    }

    private static List<String> cookies(IncomingRequest request) {
        List<String> cookies = new ArrayList<>();
        for (String header : request.headerValues("Cookie")) {
            for (String c : header.split(";")) {
                if (!c.isBlank()) {
                    cookies.add(c.trim());
                }
            }
        }
        return cookies;
    }

    private static Map<String, String> joinedHeaders(IncomingRequest request) {
        Map<String, String> joined = new LinkedHashMap<>();
        for (Header h : request.headers()) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (!name.equals("cookie")) {
                joined.merge(name, h.value(), (a, b) -> a + "," + b);
            }
        }
        return joined;
    }

    private static ObjectNode requestContext(IncomingRequest request, RouteMatch match, ApiGatewayContext api,
                                             String requestId) {
        ObjectNode ctx = Json.object();
        ctx.put("accountId", api.accountId());
        ctx.put("apiId", ApiGatewayContext.API_ID);
        ctx.put("domainName", api.domainName(request.host()));
        ctx.put("domainPrefix", api.domainPrefix(request.host()));
        ObjectNode http = ctx.putObject("http");
        http.put("method", request.method());
        http.put("path", request.path());
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", request.header("User-Agent").orElse(""));
        ctx.put("requestId", requestId);
        ctx.put("routeKey", match.routeKey());
        ctx.put("stage", ApiGatewayContext.STAGE);
        ctx.put("time", ApiGatewayContext.time(request.receivedAt()));
        ctx.put("timeEpoch", request.receivedAt().toEpochMilli());
        return ctx;
    }
}
