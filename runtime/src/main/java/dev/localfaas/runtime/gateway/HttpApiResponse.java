package dev.localfaas.runtime.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps an HTTP API response (payload 2.0) to HTTP. With a {@code statusCode} it is the full form (headers, cookies
 * as {@code set-cookie}, base64 bodies); any other valid JSON is the body of a 200 {@code application/json}.
 */
final class HttpApiResponse {

    private HttpApiResponse() {
    }

    private static final List<Header> JSON = List.of(new Header("content-type", "application/json"));

    static ProxyResponse map(byte[] payload) {
        byte[] plain = ProxyResponseReader.plainBody(payload);
        if (plain != null) {
            return new ProxyResponse(200, JSON, plain);
        }
        JsonNode node = ProxyResponseReader.parse(payload);
        int status = ProxyResponseReader.statusCode(node);
        Map<String, List<Header>> headers = ProxyResponseReader.headers(node, false);
        JsonNode cookies = node.get("cookies");
        if (cookies != null && !cookies.isNull()) {
            if (!cookies.isArray()) {
                throw new MalformedResponseException("cookies must be an array of strings");
            }
            List<Header> setCookie = headers.computeIfAbsent("set-cookie", k -> new ArrayList<>());
            cookies.forEach(c -> setCookie.add(new Header("set-cookie", c.asText())));
        }
        byte[] body = ProxyResponseReader.body(node);
        ProxyResponseReader.defaultContentType(headers, "text/plain; charset=utf-8");
        return new ProxyResponse(status, ProxyResponseReader.flatten(headers), body);
    }
}
