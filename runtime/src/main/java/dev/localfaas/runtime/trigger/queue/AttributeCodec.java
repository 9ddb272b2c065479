package dev.localfaas.runtime.trigger.queue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Message attributes as stored in the {@code attributes} column (JSON), and SQS's MD5 of them. */
final class AttributeCodec {
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final TypeReference<LinkedHashMap<String, MessageAttribute>> TYPE = new TypeReference<>() { };

    private AttributeCodec() {
    }

    static String toJson(Map<String, MessageAttribute> attributes) {
        if (attributes.isEmpty()) {
            return "{}";
        }
        try {
            return JSON.writeValueAsString(new TreeMap<>(attributes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write message attributes", e);
        }
    }

    static Map<String, MessageAttribute> fromJson(String json) {
        if (json == null || json.equals("{}")) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored message attributes are not valid JSON: " + json, e);
        }
    }

    /**
     * SQS's {@code md5OfMessageAttributes}: for each attribute in name order, the name, the data type, a transport
     * byte (1 string, 2 binary) and the value, each length-prefixed with a 4-byte big-endian length.
     */
    static String md5(Map<String, MessageAttribute> attributes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, MessageAttribute> e : new TreeMap<>(attributes).entrySet()) {
            MessageAttribute a = e.getValue();
            writeLengthPrefixed(out, e.getKey().getBytes(StandardCharsets.UTF_8));
            writeLengthPrefixed(out, a.dataType().getBytes(StandardCharsets.UTF_8));
            if (a.isBinary()) {
                out.write(2);
                writeLengthPrefixed(out, Base64.getDecoder().decode(a.binaryValue()));
            } else {
                out.write(1);
                writeLengthPrefixed(out, a.stringValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return MessageIds.md5Hex(out.toByteArray());
    }

    private static void writeLengthPrefixed(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
