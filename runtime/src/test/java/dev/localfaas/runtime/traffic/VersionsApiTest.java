package dev.localfaas.runtime.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The AWS SDK v2 LambdaClient publishes versions, manages aliases and invokes with a qualifier on the gateway. */
class VersionsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void sdkPublishesAliasesAndInvokesWithAQualifier() throws Exception {
        try (TrafficGateway g = new TrafficGateway(tmp); LambdaClient lambda = g.lambda()) {
            var v1 = lambda.publishVersion(b -> b.functionName("release").description("blue"));
            assertEquals("1", v1.version());
            assertTrue(v1.functionArn().endsWith(":function:release:1"), v1.functionArn());
            assertEquals("blue", v1.description());

            g.configure("release", Map.of("RELEASE", "green"));
            assertEquals("2", lambda.publishVersion(b -> b.functionName("release")).version());
            assertEquals("2", lambda.publishVersion(b -> b.functionName("release")).version(),
                    "nothing changed since version 2: PublishVersion returns it again");
            assertEquals(List.of("$LATEST", "1", "2"), lambda.listVersionsByFunction(b -> b.functionName("release"))
                    .versions().stream().map(FunctionConfiguration::version).toList());
            assertTrue(Files.isRegularFile(tmp.resolve("state/versions/release/1/code.jar")),
                    "a version keeps its own copy of the package");

            var live = lambda.createAlias(b -> b.functionName("release").name("live")
                    .functionVersion("1").description("production"));
            assertTrue(live.aliasArn().endsWith(":function:release:live"), live.aliasArn());

            InvokeResponse viaAlias = lambda.invoke(b -> b.functionName("release").qualifier("live")
                    .logType(LogType.TAIL).payload(SdkBytes.fromUtf8String("{}")));
            assertEquals("1", viaAlias.executedVersion());
            JsonNode body = JSON.readTree(viaAlias.payload().asUtf8String());
            assertEquals("blue", body.get("release").asText());
            assertEquals("1", body.get("version").asText(), "Context.getFunctionVersion()");
            assertEquals("1", body.get("versionVariable").asText(), "AWS_LAMBDA_FUNCTION_VERSION");
            assertTrue(body.get("invokedFunctionArn").asText().endsWith(":function:release:live"),
                    body.get("invokedFunctionArn").asText());
            String log = new String(java.util.Base64.getDecoder().decode(viaAlias.logResult()));
            assertTrue(log.contains("Version: 1"), log);

            InvokeResponse byName = lambda.invoke(b -> b.functionName("release:2").payload(SdkBytes.fromUtf8String("{}")));
            assertEquals("2", byName.executedVersion());
            assertEquals("green", JSON.readTree(byName.payload().asUtf8String()).get("release").asText());
            InvokeResponse latest = lambda.invoke(b -> b.functionName("release").payload(SdkBytes.fromUtf8String("{}")));
            assertEquals("$LATEST", latest.executedVersion());

            var updated = lambda.updateAlias(b -> b.functionName("release").name("live")
                    .routingConfig(AliasRoutingConfiguration.builder().additionalVersionWeights(Map.of("2", 0.25)).build()));
            assertEquals(Map.of("2", 0.25), updated.routingConfig().additionalVersionWeights());
            assertEquals("1", lambda.getAlias(b -> b.functionName("release").name("live")).functionVersion());
            assertEquals(List.of("live"), lambda.listAliases(b -> b.functionName("release")).aliases().stream()
                    .map(AliasConfiguration::name).toList());

            lambda.deleteAlias(b -> b.functionName("release").name("live"));
            ResourceNotFoundException gone = assertThrows(ResourceNotFoundException.class, () -> lambda.invoke(b ->
                    b.functionName("release").qualifier("live").payload(SdkBytes.fromUtf8String("{}"))));
            assertTrue(gone.getMessage().contains("release:live"), gone.getMessage());
            assertThrows(ResourceNotFoundException.class, () -> lambda.createAlias(b -> b.functionName("release")
                    .name("next").functionVersion("9")));

            g.faas.flush();
            InvocationResult viaTrigger = g.invoke("release:2", Trigger.HTTP);
            assertEquals("2", viaTrigger.version(), "usage records carry the version that ran");
        }
    }

    @Test
    void versionsSurviveARestartAndKeepTheirBytes(@TempDir Path other) throws Exception {
        try (TrafficGateway g = new TrafficGateway(tmp)) {
            assertEquals(1, g.faas.traffic().publish("release", "first").version());
            g.faas.traffic().setAlias("release", "live", "1", Map.of(), "");
        }
        // a rebuild of the JAR (here: another configuration) must not change version 1
        Files.delete(tmp.resolve("functions/fixtures-traffic.jar"));
        Files.delete(tmp.resolve("functions"));
        try (TrafficGateway g = new TrafficGateway(tmp)) {
            g.configure("release", Map.of("RELEASE", "rebuilt"));
            InvocationResult r = g.invoke("release:live", Trigger.INVOKE);
            assertEquals("1", r.version());
            assertTrue(new String(r.payload()).contains("\"release\":\"blue\""), new String(r.payload()));
            assertEquals("first", g.faas.traffic().versions("release").get(0).description());
        }
    }
}
