package dev.localfaas.runtime.trigger.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** md5OfMessageAttributes must match what SQS computes; the vectors are the AWS SDKs' own test samples. */
class AttributeCodecTest {

    @Test
    void theDigestOfStringAttributesMatchesSqs() {
        assertEquals("d53f3b558fe951154770f25cb63dbba9", AttributeCodec.md5(Map.of(
                "test_attribute_name_2", MessageAttribute.string("test_attribute_value_2"),
                "test_attribute_name_1", MessageAttribute.string("test_attribute_value_1"))));
    }

    @Test
    void theDigestOfABinaryAttributeMatchesSqs() {
        assertEquals("23f6bd27ea87aab7dfeadcc9aebee495", AttributeCodec.md5(Map.of(
                "test_attribute_name", MessageAttribute.binary("test_attribute_value".getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void attributesSurviveTheirTripThroughTheDatabaseColumn() {
        Map<String, MessageAttribute> attributes = Map.of("Author", MessageAttribute.string("John"),
                "Blob", MessageAttribute.binary(new byte[] {1, 2, 3}), "WeeksOn", MessageAttribute.number("6"));

        assertEquals(attributes, AttributeCodec.fromJson(AttributeCodec.toJson(attributes)));
    }
}
