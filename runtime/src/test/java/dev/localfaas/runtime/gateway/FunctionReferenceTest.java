package dev.localfaas.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FunctionReferenceTest {

    private final ApiGatewayContext account = new ApiGatewayContext("123456789012", "us-east-1");

    @Test
    void acceptsEveryFormLambdaAccepts() {
        assertEquals(new FunctionReference("hello", Optional.empty()), FunctionReference.parse("hello", null));
        assertEquals(new FunctionReference("hello", Optional.of("$LATEST")), FunctionReference.parse("hello:$LATEST", null));
        assertEquals(new FunctionReference("hello", Optional.of("live")),
                FunctionReference.parse("123456789012:function:hello:live", null));
        assertEquals(new FunctionReference("my-fn.v2", Optional.empty()),
                FunctionReference.parse("arn:aws:lambda:eu-west-1:123456789012:function:my-fn.v2", null));
        assertEquals(new FunctionReference("hello", Optional.of("$LATEST")), FunctionReference.parse("hello", "$LATEST"));
    }

    @Test
    void qualifierInNameAndQueryMustAgree() {
        assertEquals("The derived qualifier from the function name does not match the specified qualifier.",
                assertThrows(FunctionReference.InvalidReference.class,
                        () -> FunctionReference.parse("hello:v1", "v2")).getMessage());
    }

    @Test
    void malformedNameIsAValidationError() {
        assertEquals("1 validation error detected: Value 'no spaces' at 'functionName' failed to satisfy constraint: "
                        + "Member must be a function name, name:qualifier or function ARN",
                assertThrows(FunctionReference.InvalidReference.class,
                        () -> FunctionReference.parse("no spaces", null)).getMessage());
    }

    @Test
    void notFoundArnCarriesLatestWhenNoQualifierWasGiven() {
        assertEquals("arn:aws:lambda:us-east-1:123456789012:function:nope:$LATEST",
                FunctionReference.parse("nope", null).arn(account));
        assertEquals("arn:aws:lambda:us-east-1:123456789012:function:nope:v1",
                FunctionReference.parse("nope:v1", null).arn(account));
    }
}
