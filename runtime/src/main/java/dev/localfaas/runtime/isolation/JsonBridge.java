package dev.localfaas.runtime.isolation;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Reads one input type and writes responses for one handler, with the mapper AWS would choose for the type
 * (the events mapper for {@code aws-lambda-java-events} classes, the global one otherwise), built eagerly at
 * init as the AWS runtime builds its serializers. Errors are wrapped as the AWS runtime wraps them.
 */
final class JsonBridge {

    static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events.";

    private final ObjectReader reader;
    private final ObjectWriter pojoWriter;
    private final ObjectWriter eventWriter;

    private JsonBridge(ObjectReader reader, ObjectMapper pojoMapper, ObjectMapper eventMapper) {
        this.reader = reader;
        this.pojoWriter = pojoMapper.writer();
        this.eventWriter = eventMapper.writer();
    }

    /** A bridge for handlers whose input is {@code inputType}; null for handlers that take no POJO. */
    static JsonBridge forInput(JsonMappers mappers, Type inputType) {
        if (inputType == null) {
            return new JsonBridge(null, mappers.pojo(), mappers.events());
        }
        JavaType type = mappers.pojo().getTypeFactory().constructType(inputType);
        ObjectMapper mapper = isEvent(type.getRawClass()) ? mappers.events() : mappers.pojo();
        return new JsonBridge(mapper.readerFor(type), mappers.pojo(), mappers.events());
    }

    Object read(byte[] event) {
        try {
            return reader.readValue(event);
        } catch (Exception e) {
            throw new RuntimeException("An error occurred during JSON parsing", e);
        }
    }

    byte[] write(Object response) {
        if (response == null) {
            return NULL;
        }
        try {
            return (isEvent(response.getClass()) ? eventWriter : pojoWriter).writeValueAsBytes(response);
        } catch (Exception e) {
            throw new RuntimeException("An error occurred during JSON serialization of response", e);
        }
    }

    private static boolean isEvent(Class<?> type) {
        return type.getName().startsWith(EVENTS_PACKAGE);
    }

    /** The two mappers of one function classloader. */
    record JsonMappers(ObjectMapper pojo, ObjectMapper events) {
        static JsonMappers of(ClassLoader loader) {
            return new JsonMappers(LambdaJson.pojoMapper(loader), LambdaJson.eventMapper(loader));
        }
    }
}
