package dev.localfaas.runtime.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST API Lambda proxy event (payload format 1.0) for a request, field for field as API Gateway sends it:
 * single-value maps keep the last value, the multi-value maps keep all, and absent maps are {@code null}.
 */
final class RestApiEvent {

    private RestApiEvent() {
    }

    static ObjectNode build(IncomingRequest request, RouteMatch match, ApiGatewayContext api, String requestId) {
        ObjectNode event = Json.object();
        event.put("resource", match.route().path());
        event.put("path", request.path());
        event.put("httpMethod", request.method());
        headers(event, request.headers());
        query(event, QueryString.parse(request.rawQuery()));
        if (match.pathParameters().isEmpty()) {
            event.putNull("pathParameters");
        } else {
            ObjectNode params = event.putObject("pathParameters");
            match.pathParameters().forEach(params::put);
        }
        event.putNull("stageVariables");
        event.set("requestContext", requestContext(request, match, api, requestId));
        BodyEncoding.of(request.body(), request.header("Content-Type")).ifPresentOrElse(b -> {
            event.put("body", b.body());
            event.put("isBase64Encoded", b.base64());
        }, () -> {
            event.putNull("body");
            event.put("isBase64Encoded", false);
        });
        return event;
    }

    private static void headers(ObjectNode event, List<Header> headers) {
        if (headers.isEmpty()) {
            event.putNull("headers");
            event.putNull("multiValueHeaders");
            return;
        }
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (Header h : headers) {
            grouped.computeIfAbsent(h.name(), k -> new ArrayList<>()).add(h.value());
        }
        multi(event, "headers", "multiValueHeaders", grouped);
    }

    private static void query(ObjectNode event, Map<String, List<String>> params) {
        if (params.isEmpty()) {
            event.putNull("queryStringParameters");
            event.putNull("multiValueQueryStringParameters");
            return;
        }
        multi(event, "queryStringParameters", "multiValueQueryStringParameters", params);
    }

    private static void multi(ObjectNode event, String single, String multi, Map<String, List<String>> values) {
        ObjectNode one = event.putObject(single);
        ObjectNode all = event.putObject(multi);
        values.forEach((name, list) -> {
            one.put(name, list.get(list.size() - 1));
            ArrayNode array = all.putArray(name);
            list.forEach(array::add);
        });
    }

    private static ObjectNode requestContext(IncomingRequest request, RouteMatch match, ApiGatewayContext api,
                                             String requestId) {
        ObjectNode ctx = Json.object();
        ctx.put("accountId", api.accountId());
        ctx.put("apiId", ApiGatewayContext.API_ID);
        ctx.put("domainName", api.domainName(request.host()));
        ctx.put("domainPrefix", api.domainPrefix(request.host()));
        ctx.put("extendedRequestId", requestId);
        ctx.put("httpMethod", request.method());
        ObjectNode identity = ctx.putObject("identity");
        for (String field : List.of("accessKey", "accountId", "caller", "cognitoAuthenticationProvider",
                "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId", "principalOrgId")) {
            identity.putNull(field);
        }
        identity.put("sourceIp", request.sourceIp());
        identity.putNull("user");
        identity.put("userAgent", request.header("User-Agent").orElse(null));
        identity.putNull("userArn");
        ctx.put("path", request.path());
        ctx.put("protocol", request.protocol());
        ctx.put("requestId", requestId);
        ctx.put("requestTime", ApiGatewayContext.time(request.receivedAt()));
        ctx.put("requestTimeEpoch", request.receivedAt().toEpochMilli());
        ctx.put("resourceId", resourceId(match));
        ctx.put("resourcePath", match.route().path());
        ctx.put("stage", ApiGatewayContext.STAGE);
        return ctx;
    }

    /** A stable short id per route, as API Gateway gives each resource one. */
    private static String resourceId(RouteMatch match) {
        return Integer.toString(Math.abs(match.route().path().hashCode() % 46_656 + 46_656), 36);
    }
}
