package dev.localfaas.runtime.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parameter lists of lambda-contract section 1.3, accepted and refused as the AWS runtime does. */
class MethodSignaturesTest {

    @ParameterizedTest(name = "({0}) callable: {1}")
    @CsvSource(delimiter = ';', value = {
        "; true",
        "Person; true",
        "InputStream; true",
        "OutputStream; true",
        "Context; true",
        "Person, Context; true",
        "InputStream, Context; true",
        "OutputStream, Context; true",
        "InputStream, OutputStream; true",
        "InputStream, OutputStream, Context; true",
        "Context, Person; false",
        "Context, Context; false",
        "Person, Person; false",
        "OutputStream, InputStream; false",
        "Person, OutputStream, Context; false",
        "InputStream, OutputStream, Context, Person; false"})
    void acceptsExactlyTheSignaturesOfTheAwsRuntime(String params, boolean callable) {
        List<String> types = params == null ? List.of() : List.of(params.split(",\\s*")).stream()
                .map(MethodSignaturesTest::fullName).toList();
        assertEquals(callable, MethodSignatures.callable(types));
    }

    private static String fullName(String simple) {
        return switch (simple) {
            case "Context" -> HandlerTypes.CONTEXT;
            case "InputStream" -> HandlerTypes.INPUT_STREAM;
            case "OutputStream" -> HandlerTypes.OUTPUT_STREAM;
            default -> "example." + simple;
        };
    }
}
