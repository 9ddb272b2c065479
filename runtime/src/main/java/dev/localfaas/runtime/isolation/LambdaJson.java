package dev.localfaas.runtime.isolation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.LRUMap;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Builds the mappers that read events and write responses exactly as the AWS Lambda Java runtime's serializer
 * does (lambda-contract.md §2.2, §2.4): its feature set, null fields omitted, and for the
 * {@code aws-lambda-java-events} classes the JSON names AWS uses ({@code Records}, {@code eventSourceARN},
 * {@code detail-type}, ...), {@code java.util.Date} as epoch seconds and Joda {@code DateTime} through the
 * function's own Joda.
 *
 * <p>Each mapper belongs to one function classloader and gets its own type cache, so that no class of the
 * function outlives its loader in a static Jackson cache.
 */
public final class LambdaJson {

    private LambdaJson() {
    }

    /** The runtime's global mapper (user POJOs, maps, primitives). */
    public static ObjectMapper pojoMapper(ClassLoader functionLoader) {
        return base(functionLoader).build();
    }

    /** The mapper for the event classes: the global configuration plus the event naming and date handling. */
    public static ObjectMapper eventMapper(ClassLoader functionLoader) {
        return base(functionLoader)
                .annotationIntrospector(new EventNamingIntrospector())
                .addModule(EventDateModules.epochSecondsDates())
                .addModule(EventDateModules.jodaDateTimes(functionLoader))
                .build();
    }

    @SuppressWarnings("deprecation")
    private static JsonMapper.Builder base(ClassLoader functionLoader) {
        TypeFactory types = TypeFactory.defaultInstance()
                .withCache(new LRUMap<>(16, 256))
                .withClassLoader(functionLoader);
        return JsonMapper.builder()
                .typeFactory(types)
                .enable(MapperFeature.ALLOW_FINAL_FIELDS_AS_MUTATORS, MapperFeature.AUTO_DETECT_FIELDS,
                        MapperFeature.AUTO_DETECT_GETTERS, MapperFeature.AUTO_DETECT_IS_GETTERS,
                        MapperFeature.AUTO_DETECT_SETTERS, MapperFeature.CAN_OVERRIDE_ACCESS_MODIFIERS,
                        MapperFeature.USE_STD_BEAN_NAMING, MapperFeature.USE_ANNOTATIONS)
                .disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, MapperFeature.AUTO_DETECT_CREATORS,
                        MapperFeature.INFER_PROPERTY_MUTATORS, MapperFeature.SORT_PROPERTIES_ALPHABETICALLY,
                        MapperFeature.USE_GETTERS_AS_SETTERS, MapperFeature.USE_WRAPPER_NAME_AS_PROPERTY_NAME,
                        MapperFeature.USE_STATIC_TYPING, MapperFeature.REQUIRE_SETTERS_FOR_GETTERS)
                .enable(SerializationFeature.FAIL_ON_SELF_REFERENCES,
                        SerializationFeature.FAIL_ON_UNWRAPPED_TYPE_IDENTIFIERS, SerializationFeature.WRAP_EXCEPTIONS)
                .disable(SerializationFeature.CLOSE_CLOSEABLE, SerializationFeature.EAGER_SERIALIZER_FETCH,
                        SerializationFeature.FAIL_ON_EMPTY_BEANS, SerializationFeature.FLUSH_AFTER_WRITE_VALUE,
                        SerializationFeature.INDENT_OUTPUT, SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS,
                        SerializationFeature.USE_EQUALITY_FOR_OBJECT_ID,
                        SerializationFeature.WRITE_CHAR_ARRAYS_AS_JSON_ARRAYS, SerializationFeature.WRAP_ROOT_VALUE)
                .enable(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT,
                        DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                        DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, DeserializationFeature.FAIL_ON_INVALID_SUBTYPE,
                        DeserializationFeature.FAIL_ON_UNRESOLVED_OBJECT_IDS,
                        DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS, DeserializationFeature.WRAP_EXCEPTIONS)
                .disable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS,
                        JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
                        JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
                .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS)
                .enable(JsonWriteFeature.QUOTE_FIELD_NAMES, JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .disable(JsonWriteFeature.ESCAPE_NON_ASCII, JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS)
                .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE, JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(JsonGenerator.Feature.IGNORE_UNKNOWN)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT, JsonGenerator.Feature.AUTO_CLOSE_TARGET,
                        JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM, JsonGenerator.Feature.STRICT_DUPLICATE_DETECTION,
                        JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule());
    }
}
