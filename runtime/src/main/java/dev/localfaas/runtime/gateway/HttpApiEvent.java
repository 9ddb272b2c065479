package dev.localfaas.runtime.gateway;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API event (payload format 2.0) for a request, as API Gateway sends it: header names lower-cased,
 * repeated headers and query parameters joined with commas, {@code Cookie} headers moved into {@code cookies},
 * and absent parts left out rather than null. Written straight to JSON: this runs on every request.
 */
final class HttpApiEvent {

    private HttpApiEvent() {
    }

    static byte[] build(IncomingRequest request, RouteMatch match, ApiGatewayContext api, String requestId) {
        return Json.write(json -> write(json, request, match, api, requestId));
    }

    private static void write(JsonGenerator json, IncomingRequest request, RouteMatch match, ApiGatewayContext api,
                              String requestId) throws IOException {
        json.writeStartObject();
        json.writeStringField("version", "2.0");
        json.writeStringField("routeKey", match.routeKey());
        json.writeStringField("rawPath", request.rawPath());
        json.writeStringField("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
        cookies(json, request);
        json.writeObjectFieldStart("headers");
        for (Map.Entry<String, String> h : joinedHeaders(request).entrySet()) {
            json.writeStringField(h.getKey(), h.getValue());
        }
        json.writeEndObject();
        Map<String, List<String>> query = QueryString.parse(request.rawQuery());
        if (!query.isEmpty()) {
            json.writeObjectFieldStart("queryStringParameters");
            for (Map.Entry<String, List<String>> q : query.entrySet()) {
                json.writeStringField(q.getKey(), String.join(",", q.getValue()));
            }
            json.writeEndObject();
        }
        requestContext(json, request, match, api, requestId);
        Optional<BodyEncoding.EventBody> body = BodyEncoding.of(request.body(), request.header("Content-Type"));
        if (body.isPresent()) {
            json.writeStringField("body", body.get().body());
        }
        if (!match.pathParameters().isEmpty()) {
            json.writeObjectFieldStart("pathParameters");
            for (Map.Entry<String, String> p : match.pathParameters().entrySet()) {
                json.writeStringField(p.getKey(), p.getValue());
            }
            json.writeEndObject();
        }
        json.writeBooleanField("isBase64Encoded", body.isPresent() && body.get().base64());
        json.writeEndObject();
    }

    /** Every {@code Cookie} header split at {@code ;}, in order; the field is left out when there are none. */
    private static void cookies(JsonGenerator json, IncomingRequest request) throws IOException {
        boolean started = false;
        for (Header h : request.headers()) {
            if (!h.name().equalsIgnoreCase("Cookie")) {
                continue;
            }
            for (String c : h.value().split(";")) {
                if (c.isBlank()) {
                    continue;
                }
                if (!started) {
                    json.writeArrayFieldStart("cookies");
                    started = true;
                }
                json.writeString(c.trim());
            }
        }
        if (started) {
            json.writeEndArray();
        }
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

    private static void requestContext(JsonGenerator json, IncomingRequest request, RouteMatch match,
                                       ApiGatewayContext api, String requestId) throws IOException {
        json.writeObjectFieldStart("requestContext");
        json.writeStringField("accountId", api.accountId());
        json.writeStringField("apiId", ApiGatewayContext.API_ID);
        json.writeStringField("domainName", api.domainName(request.host()));
        json.writeStringField("domainPrefix", api.domainPrefix(request.host()));
        json.writeObjectFieldStart("http");
        json.writeStringField("method", request.method());
        json.writeStringField("path", request.path());
        json.writeStringField("protocol", request.protocol());
        json.writeStringField("sourceIp", request.sourceIp());
        json.writeStringField("userAgent", request.header("User-Agent").orElse(""));
        json.writeEndObject();
        json.writeStringField("requestId", requestId);
        json.writeStringField("routeKey", match.routeKey());
        json.writeStringField("stage", ApiGatewayContext.STAGE);
        json.writeStringField("time", ApiGatewayContext.time(request.receivedAt()));
        json.writeNumberField("timeEpoch", request.receivedAt().toEpochMilli());
        json.writeEndObject();
    }
}
