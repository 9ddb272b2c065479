package dev.localfaas.runtime.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a request body travels in the event as text or base64. An HTTP API (payload 2.0) sends text content types
 * as they are and everything else base64 with {@code isBase64Encoded}. A REST API (payload 1.0) without binary media
 * types, which is what a REST API has unless configured, passes every body as text whatever its content type (a form
 * post included); only a body that is not UTF-8 text goes base64 here, since JSON cannot carry its bytes otherwise.
 */
final class BodyEncoding {

    private BodyEncoding() {
    }

    /** The body as the event carries it: text, or base64 when {@code binary} says so. */
    record EventBody(String body, boolean base64) {
    }

    /** The body as a REST API (payload 1.0) without binary media types carries it. */
    static Optional<EventBody> restApi(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        return Optional.of(isUtf8(body)
                ? new EventBody(new String(body, StandardCharsets.UTF_8), false)
                : new EventBody(Base64.getEncoder().encodeToString(body), true));
    }

    /** The body as an HTTP API (payload 2.0) carries it. */
    static Optional<EventBody> of(byte[] body, Optional<String> contentType) {
        if (body.length == 0) {
            return Optional.empty();
        }
        boolean text = contentType.map(BodyEncoding::isTextType).orElseGet(() -> isUtf8(body));
        if (text && isUtf8(body)) {
            return Optional.of(new EventBody(new String(body, StandardCharsets.UTF_8), false));
        }
        return Optional.of(new EventBody(Base64.getEncoder().encodeToString(body), true));
    }

    static boolean isTextType(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        int semi = type.indexOf(';');
        if (semi >= 0) {
            type = type.substring(0, semi);
        }
        type = type.trim();
        return type.startsWith("text/")
                || type.endsWith("/json") || type.endsWith("+json")
                || type.endsWith("/xml") || type.endsWith("+xml")
                || type.equals("application/javascript") || type.equals("application/yaml")
                || type.equals("application/x-yaml") || type.equals("application/graphql");
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
