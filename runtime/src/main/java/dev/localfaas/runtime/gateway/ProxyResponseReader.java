package dev.localfaas.runtime.gateway;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The parts of a proxy response that both payload formats read the same way, each failing as API Gateway would. */
final class ProxyResponseReader {

    /** Headers the gateway computes itself; a function's values for them would contradict the body sent. */
    private static final Set<String> DROPPED = Set.of("content-length", "transfer-encoding", "connection");
    private static final ObjectReader READER = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ProxyResponseReader() {
    }

    static JsonNode parse(byte[] payload) {
        if (payload == null || payload.length == 0) {
            throw new MalformedResponseException("the function returned an empty response");
        }
        try {
            JsonNode node = READER.readTree(payload);
            if (node == null || node.isMissingNode()) {
                throw new MalformedResponseException("the function returned an empty response");
            }
            return node;
        } catch (IOException e) {
            throw new MalformedResponseException("the function's response is not JSON");
        }
    }

    /**
     * For payload 2.0, which turns any response that is not an object with {@code statusCode} into a 200 with that
     * JSON as the body: the body, found by a scan that builds no tree, or null when the payload is the full form.
     *
     * @throws MalformedResponseException as {@link #parse} does
     */
    static byte[] plainBody(byte[] payload) {
        if (payload == null || payload.length == 0) {
            throw new MalformedResponseException("the function returned an empty response");
        }
        try (JsonParser json = READER.createParser(payload)) {
            JsonToken first = json.nextToken();
            if (first == null) {
                throw new MalformedResponseException("the function returned an empty response");
            }
            byte[] body = payload;
            if (first == JsonToken.START_OBJECT) {
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    if (json.currentName().equals("statusCode")) {
                        return null;
                    }
                    json.nextToken();
                    json.skipChildren();
                }
            } else if (first == JsonToken.VALUE_STRING) {
                body = json.getText().getBytes(StandardCharsets.UTF_8);
            } else {
                json.skipChildren();
            }
            if (json.nextToken() != null) {
                throw new MalformedResponseException("the function's response is not JSON");
            }
            return body;
        } catch (IOException e) {
            throw new MalformedResponseException("the function's response is not JSON");
        }
    }

    static int statusCode(JsonNode node) {
        JsonNode s = node.get("statusCode");
        int status;
        if (s != null && s.isIntegralNumber()) {
            status = s.asInt();
        } else if (s != null && s.isTextual() && s.asText().matches("\\d{3}")) {
            status = Integer.parseInt(s.asText());
        } else {
            throw new MalformedResponseException("statusCode must be an HTTP status number, got " + s);
        }
        if (status < 100 || status > 599) {
            throw new MalformedResponseException("statusCode " + status + " is not an HTTP status");
        }
        return status;
    }

    static byte[] body(JsonNode node) {
        JsonNode body = node.get("body");
        boolean base64 = base64(node);
        if (body == null || body.isNull()) {
            return new byte[0];
        }
        if (!body.isTextual()) {
            throw new MalformedResponseException("body must be a string, got " + body.getNodeType().name().toLowerCase(Locale.ROOT)
                    + "; serialize it to a JSON string first");
        }
        if (!base64) {
            return body.asText().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body.asText().replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new MalformedResponseException("isBase64Encoded is true but body is not base64");
        }
    }

    private static boolean base64(JsonNode node) {
        JsonNode b = node.get("isBase64Encoded");
        if (b == null || b.isNull()) {
            return false;
        }
        if (!b.isBoolean()) {
            throw new MalformedResponseException("isBase64Encoded must be true or false, got " + b);
        }
        return b.asBoolean();
    }

    /** Name (lower-cased) to the original name and its values, in order. */
    static Map<String, List<Header>> headers(JsonNode node, boolean multiValue) {
        Map<String, List<Header>> out = new LinkedHashMap<>();
        JsonNode single = node.get("headers");
        if (single != null && !single.isNull()) {
            requireObject(single, "headers");
            single.fields().forEachRemaining(e -> {
                out.put(key(e.getKey()), new ArrayList<>(List.of(new Header(e.getKey(), scalar(e.getValue(), "headers")))));
            });
        }
        JsonNode multi = multiValue ? node.get("multiValueHeaders") : null;
        if (multi != null && !multi.isNull()) {
            requireObject(multi, "multiValueHeaders");
            multi.fields().forEachRemaining(e -> {
                if (!e.getValue().isArray()) {
                    throw new MalformedResponseException("multiValueHeaders." + e.getKey() + " must be an array");
                }
                List<Header> values = new ArrayList<>();
                e.getValue().forEach(v -> values.add(new Header(e.getKey(), scalar(v, "multiValueHeaders"))));
                out.put(key(e.getKey()), values); // API Gateway keeps only the multi-value entry for a duplicate key
            });
        }
        DROPPED.forEach(out::remove);
        return out;
    }

    static void defaultContentType(Map<String, List<Header>> headers, String type) {
        headers.putIfAbsent("content-type", new ArrayList<>(List.of(new Header("Content-Type", type))));
    }

    static List<Header> flatten(Map<String, List<Header>> headers) {
        return headers.values().stream().flatMap(List::stream).toList();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static void requireObject(JsonNode n, String field) {
        if (!n.isObject()) {
            throw new MalformedResponseException(field + " must be an object");
        }
    }

    private static String scalar(JsonNode v, String field) {
        if (v.isValueNode() && !v.isNull()) {
            return v.asText();
        }
        throw new MalformedResponseException(field + " values must be strings, got " + v);
    }
}
