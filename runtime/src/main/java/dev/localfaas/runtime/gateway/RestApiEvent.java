package dev.localfaas.runtime.gateway;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The REST API Lambda proxy event (payload format 1.0) for a request, field for field as API Gateway sends it:
 * single-value maps keep the last value, the multi-value maps keep all, and absent maps are {@code null}. Written
 * straight to JSON: this runs on every request.
 */
final class RestApiEvent {

    private static final List<String> NULL_IDENTITY_FIELDS = List.of("accessKey", "accountId", "caller",
            "cognitoAuthenticationProvider", "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId",
            "principalOrgId");

    private RestApiEvent() {
    }

    static byte[] build(IncomingRequest request, RouteMatch match, ApiGatewayContext api, String requestId) {
        return Json.write(json -> write(json, request, match, api, requestId));
    }

    private static void write(JsonGenerator json, IncomingRequest request, RouteMatch match, ApiGatewayContext api,
                              String requestId) throws IOException {
        json.writeStartObject();
        json.writeStringField("resource", match.route().path());
        json.writeStringField("path", request.path());
        json.writeStringField("httpMethod", request.method());
        multi(json, "headers", "multiValueHeaders", grouped(request.headers()));
        multi(json, "queryStringParameters", "multiValueQueryStringParameters", QueryString.parse(request.rawQuery()));
        json.writeFieldName("pathParameters");
        if (match.pathParameters().isEmpty()) {
            json.writeNull();
        } else {
            json.writeStartObject();
            for (Map.Entry<String, String> p : match.pathParameters().entrySet()) {
                json.writeStringField(p.getKey(), p.getValue());
            }
            json.writeEndObject();
        }
        json.writeNullField("stageVariables");
        requestContext(json, request, match, api, requestId);
        Optional<BodyEncoding.EventBody> body = BodyEncoding.restApi(request.body());
        if (body.isPresent()) {
            json.writeStringField("body", body.get().body());
            json.writeBooleanField("isBase64Encoded", body.get().base64());
        } else {
            json.writeNullField("body");
            json.writeBooleanField("isBase64Encoded", false);
        }
        json.writeEndObject();
    }

    private static Map<String, List<String>> grouped(List<Header> headers) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (Header h : headers) {
            grouped.computeIfAbsent(h.name(), k -> new ArrayList<>()).add(h.value());
        }
        return grouped;
    }

    /** The single-value map (last value of each name) and the multi-value map, or two nulls when there is nothing. */
    private static void multi(JsonGenerator json, String single, String multi, Map<String, List<String>> values)
            throws IOException {
        if (values.isEmpty()) {
            json.writeNullField(single);
            json.writeNullField(multi);
            return;
        }
        json.writeObjectFieldStart(single);
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            json.writeStringField(e.getKey(), e.getValue().get(e.getValue().size() - 1));
        }
        json.writeEndObject();
        json.writeObjectFieldStart(multi);
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            json.writeArrayFieldStart(e.getKey());
            for (String v : e.getValue()) {
                json.writeString(v);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void requestContext(JsonGenerator json, IncomingRequest request, RouteMatch match,
                                       ApiGatewayContext api, String requestId) throws IOException {
        json.writeObjectFieldStart("requestContext");
        json.writeStringField("accountId", api.accountId());
        json.writeStringField("apiId", ApiGatewayContext.API_ID);
        json.writeStringField("domainName", api.domainName(request.host()));
        json.writeStringField("domainPrefix", api.domainPrefix(request.host()));
        json.writeStringField("extendedRequestId", requestId);
        json.writeStringField("httpMethod", request.method());
        json.writeObjectFieldStart("identity");
        for (String field : NULL_IDENTITY_FIELDS) {
            json.writeNullField(field);
        }
        json.writeStringField("sourceIp", request.sourceIp());
        json.writeNullField("user");
        json.writeStringField("userAgent", request.header("User-Agent").orElse(null));
        json.writeNullField("userArn");
        json.writeEndObject();
        json.writeStringField("path", request.path());
        json.writeStringField("protocol", request.protocol());
        json.writeStringField("requestId", requestId);
        json.writeStringField("requestTime", ApiGatewayContext.time(request.receivedAt()));
        json.writeNumberField("requestTimeEpoch", request.receivedAt().toEpochMilli());
        json.writeStringField("resourceId", resourceId(match));
        json.writeStringField("resourcePath", match.route().path());
        json.writeStringField("stage", ApiGatewayContext.STAGE);
        json.writeEndObject();
    }

    /** A stable short id per route, as API Gateway gives each resource one. */
    private static String resourceId(RouteMatch match) {
        return Integer.toString(Math.abs(match.route().path().hashCode() % 46_656 + 46_656), 36);
    }
}
