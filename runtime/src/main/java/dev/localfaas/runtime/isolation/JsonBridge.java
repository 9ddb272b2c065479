package dev.localfaas.runtime.isolation;

import dev.localfaas.runtime.isolation.AwsSerializers.Serializer;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Reads one handler's declared input type and writes its declared output type with the serializers AWS's runtime
 * would choose for them (see {@link AwsSerializers}), built eagerly at init as the AWS runtime builds them. Errors
 * are wrapped as the AWS runtime wraps them.
 */
final class JsonBridge {

    static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private final Serializer input;
    private final Serializer output;

    private JsonBridge(Serializer input, Serializer output) {
        this.input = input;
        this.output = output;
    }

    /**
     * A bridge for a handler whose declared input is {@code inputType} and output {@code outputType}; either may be
     * null (no POJO input; no output, answered with {@code null}).
     */
    static JsonBridge of(AwsSerializers serializers, Type inputType, Type outputType) {
        return new JsonBridge(inputType == null ? null : serializers.serializerFor(inputType),
                outputType == null || outputType == void.class ? null : serializers.serializerFor(outputType));
    }

    Object read(byte[] event) {
        try {
            return input.read(event);
        } catch (Throwable e) {
            throw new RuntimeException("An error occurred during JSON parsing", e);
        }
    }

    byte[] write(Object response) {
        if (output == null) {
            return NULL;
        }
        try {
            return output.write(response);
        } catch (Throwable e) {
            throw new RuntimeException("An error occurred during JSON serialization of response", e);
        }
    }
}
