package dev.localfaas.runtime.gateway;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/** Checks on what an Invoke call carries: the payload must be JSON, the client context base64 JSON. */
final class InvokePayload {

    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    private InvokePayload() {
    }

    /** An empty body is {@code {}}, as Lambda treats it. */
    static byte[] orEmptyObject(byte[] body) {
        return body.length == 0 ? EMPTY_OBJECT : body;
    }

    /** Why the payload is not one JSON value, or empty when it is; streams it, so a 6 MB body costs no tree. */
    static Optional<String> jsonProblem(byte[] payload) {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(payload)) {
            if (p.nextToken() == null) {
                return Optional.of("no JSON value");
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                return Optional.of("unexpected content after the JSON value at " + p.currentLocation().getCharOffset());
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.of(e.getOriginalMessage().lines().findFirst().orElse("malformed JSON"));
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Decodes {@code X-Amz-Client-Context}; empty when absent, an exception when it is not base64 JSON. */
    static Optional<String> clientContext(String header) {
        if (header == null || header.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(header);
            if (jsonProblem(decoded).isPresent()) {
                throw new IllegalArgumentException("not JSON");
            }
            return Optional.of(new String(decoded, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Client context must be a valid Base64-encoded JSON object.");
        }
    }

    /** {@code X-Amz-Log-Result}: base64 of the last 4 KB of the invocation's log. */
    static String logTail(String log) {
        byte[] bytes = (log == null ? "" : log).getBytes(StandardCharsets.UTF_8);
        int from = Math.max(0, bytes.length - 4096);
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(bytes, from, bytes.length));
    }
}
