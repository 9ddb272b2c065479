package dev.localfaas.runtime.awsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Lambda's management reads through {@code LambdaClient}: the functions the gateway serves, in Lambda's shapes. */
class LambdaManagementTest {
    @TempDir
    static Path dir;
    static AwsApiGateway gw;
    static LambdaClient lambda;

    @BeforeAll
    static void start() throws Exception {
        Path functions = dir.resolve("functions");
        Files.createDirectories(functions);
        for (String jar : new String[] {"hello.jar", "shout.jar"}) {
            Files.copy(Samples.functions().resolve(jar), functions.resolve(jar));
        }
        Files.copy(Samples.behaviourJar(), functions.resolve("fixtures-behaviour.jar"));
        gw = AwsApiGateway.start(functions, dir.resolve("state"));
        lambda = gw.lambda();
    }

    @AfterAll
    static void stop() {
        lambda.close();
        gw.close();
    }

    @Test
    void listFunctionsNamesEveryServedFunction() {
        List<FunctionConfiguration> all = lambda.listFunctions().functions();
        assertEquals(gw.faas.functions().stream().map(f -> f.name()).toList(),
                all.stream().map(FunctionConfiguration::functionName).toList());
        assertEquals(1, lambda.listFunctions(r -> r.maxItems(1)).functions().size());
        assertEquals(all.size(), lambda.listFunctionsPaginator().functions().stream().count(), "pages join up");
    }

    @Test
    void getFunctionConfigurationDescribesTheFunction() {
        var spec = gw.faas.function("hello").orElseThrow();
        var c = lambda.getFunctionConfiguration(r -> r.functionName("hello"));
        assertEquals("hello", c.functionName());
        assertEquals("arn:aws:lambda:us-east-1:123456789012:function:hello", c.functionArn());
        assertEquals(spec.handler(), c.handler());
        assertEquals(spec.memoryMb(), c.memorySize());
        assertEquals(spec.timeoutSeconds(), c.timeout());
        assertEquals("java17", c.runtimeAsString());
        assertEquals("$LATEST", c.version());
        assertEquals("Active", c.stateAsString());
        assertTrue(c.codeSize() > 0);
        assertFalse(c.codeSha256().isEmpty());
        assertEquals(c.functionName(), lambda.getFunctionConfiguration(r -> r.functionName(c.functionArn()))
                .functionName(), "by ARN as well");
    }

    @Test
    void getFunctionAddsCodeLocation() {
        GetFunctionResponse f = lambda.getFunction(r -> r.functionName("hello"));
        assertEquals("hello", f.configuration().functionName());
        assertEquals("S3", f.code().repositoryType());
        assertTrue(f.code().location().endsWith("hello.jar"), f.code().location());
    }

    @Test
    void unknownFunctionsAreResourceNotFound() {
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                () -> lambda.getFunction(r -> r.functionName("nope")));
        assertEquals("ResourceNotFoundException", e.awsErrorDetails().errorCode());
        assertEquals(404, e.statusCode());
        assertEquals("Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope",
                e.awsErrorDetails().errorMessage());
        assertThrows(ResourceNotFoundException.class,
                () -> lambda.getFunctionConfiguration(r -> r.functionName("hello").qualifier("7")));
    }

    @Test
    void functionsGetTheEndpointRegionAndDummyCredentialsAsLambdaSetsThem() throws Exception {
        var r = lambda.invoke(i -> i.functionName("env-probe"));
        var env = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.payload().asUtf8String()).get("env");
        for (String service : new String[] {"", "_SQS", "_SNS", "_EVENTBRIDGE", "_LAMBDA"}) {
            assertEquals(gw.url(), env.get("AWS_ENDPOINT_URL" + service).asText(), service);
        }
        assertEquals("us-east-1", env.get("AWS_REGION").asText());
        assertEquals("us-east-1", env.get("AWS_DEFAULT_REGION").asText());
        assertEquals(AwsEnvironment.ACCESS_KEY_ID, env.get("AWS_ACCESS_KEY_ID").asText());
        assertEquals(AwsEnvironment.SECRET_ACCESS_KEY, env.get("AWS_SECRET_ACCESS_KEY").asText());
        assertEquals(AwsEnvironment.SESSION_TOKEN, env.get("AWS_SESSION_TOKEN").asText());
        assertEquals("hi", env.get("GREETING").asText(), "the function's own variables are still there");
    }

    @Test
    void invokeStillWorksBesideTheManagementApi() {
        var r = lambda.invoke(i -> i.functionName("hello").payload(software.amazon.awssdk.core.SdkBytes
                .fromUtf8String("{\"name\":\"Ada\"}")));
        assertEquals(200, r.statusCode());
        assertTrue(r.payload().asUtf8String().contains("Ada"), r.payload().asUtf8String());
    }
}
