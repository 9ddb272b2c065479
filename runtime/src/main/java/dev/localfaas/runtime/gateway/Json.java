package dev.localfaas.runtime.gateway;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The gateway's own Jackson: events, responses and admin bodies. Never shared with functions. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getName(), e);
        }
    }

    /** Writes one JSON document. */
    @FunctionalInterface
    interface Writing {
        void writeTo(JsonGenerator json) throws IOException;
    }

    /**
     * The bytes of a document written field by field: no tree of nodes to build and walk, for what is made on every
     * request (the API Gateway events).
     */
    static byte[] write(Writing document) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(1024)) {
            try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
                document.writeTo(json);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON to memory: " + e, e);
        }
    }

    /** {@code {"message": text}}: the body API Gateway uses for its own errors. */
    static byte[] message(String text) {
        return bytes(object().put("message", text));
    }
}
