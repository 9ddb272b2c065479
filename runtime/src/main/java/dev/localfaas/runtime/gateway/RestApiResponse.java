package dev.localfaas.runtime.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a REST API proxy response (payload 1.0) to HTTP. REST APIs assume nothing: the response must be an object
 * with a {@code statusCode} and only the proxy fields, or the client gets 502.
 */
final class RestApiResponse {

    private static final Set<String> FIELDS = Set.of("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded");

    private RestApiResponse() {
    }

    static ProxyResponse map(byte[] payload) {
        JsonNode node = ProxyResponseReader.parse(payload);
        if (!node.isObject()) {
            throw new MalformedResponseException("a REST API (payload 1.0) response must be an object with statusCode and body");
        }
        node.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw new MalformedResponseException("unexpected field '" + f + "'; a REST API proxy response has only "
                        + "statusCode, headers, multiValueHeaders, body and isBase64Encoded");
            }
        });
        int status = ProxyResponseReader.statusCode(node);
        Map<String, List<Header>> headers = ProxyResponseReader.headers(node, true);
        byte[] body = ProxyResponseReader.body(node);
        ProxyResponseReader.defaultContentType(headers, "application/json");
        return new ProxyResponse(status, ProxyResponseReader.flatten(headers), body);
    }
}
