package dev.localfaas.runtime.awsapi;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.Samples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise of the AWS APIs: the {@code sqs-sender} fixture JAR (the order handler as it would run on AWS), which
 * sends with {@code SqsClient.sendMessage} and holds no localfaas code, puts an order on the {@code orders} queue,
 * and the queue's consumer {@code orders-worker} then runs. The JAR is the one that deploys to AWS; only the
 * environment (AWS_ENDPOINT_URL, credentials) differs.
 */
class FunctionUsesSqsClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void anOrderSentWithTheSdkTriggersTheQueuesConsumer() throws Exception {
        Path functions = dir.resolve("functions");
        Files.createDirectories(functions);
        Files.copy(Samples.testFunctions().resolve("fixtures-sqs-sender.jar"), functions.resolve("fixtures-sqs-sender.jar"));
        Files.copy(Samples.functions().resolve("orders-worker.jar"), functions.resolve("orders-worker.jar"));
        try (AwsApiGateway gw = AwsApiGateway.start(functions, dir.resolve("state"))) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(gw.url() + "/orders")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"tea\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, r.statusCode(), r.body() + "\n" + String.join("\n", gw.logLines));
            JsonNode order = JSON.readTree(r.body());
            assertTrue(order.get("queued").asBoolean(), r.body());
            String messageId = order.get("messageId").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> gw.invocations.stream()
                    .anyMatch(i -> i.function().equals("orders-worker") && i.outcome().id().equals("ok")));
            assertTrue(gw.logLines.stream().anyMatch(l -> l.startsWith("orders-worker") && l.contains("tea")),
                    String.join("\n", gw.logLines));
            assertTrue(gw.logLines.stream().noneMatch(l -> l.contains("SLF4J")), "no logging noise from the SDK:\n"
                    + String.join("\n", gw.logLines));
            assertEquals(36, messageId.length());
        }
    }

    @Test
    void theSdkCarriesTheInvocationsTraceToTheConsumerAsAwsTraceHeader() throws Exception {
        Path functions = dir.resolve("functions");
        Files.createDirectories(functions);
        Files.copy(Samples.testFunctions().resolve("fixtures-sqs-sender.jar"), functions.resolve("fixtures-sqs-sender.jar"));
        Files.copy(Samples.functions().resolve("orders-worker.jar"), functions.resolve("orders-worker.jar"));
        try (AwsApiGateway gw = AwsApiGateway.start(functions, dir.resolve("state"))) {
            String root = "1-5759e988-bd862e3fe1be46a994272793";
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(gw.url() + "/orders")).header("Content-Type", "application/json")
                    .header("X-Amzn-Trace-Id", "Root=" + root + ";Parent=53995c3f42cd8ad8;Sampled=1")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"tea\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, r.statusCode(), r.body() + "\n" + String.join("\n", gw.logLines));
            assertEquals("Root=" + root, r.headers().firstValue("X-Amzn-Trace-Id").orElse(null));
            await().atMost(Duration.ofSeconds(30)).until(() -> gw.invocations.stream()
                    .anyMatch(i -> i.function().equals("orders-worker")));
            var sender = gw.invocations.stream().filter(i -> i.function().equals("sqs-sender")).findFirst().orElseThrow();
            var worker = gw.invocations.stream().filter(i -> i.function().equals("orders-worker")).findFirst().orElseThrow();
            assertEquals(root, sender.trace().root());
            assertEquals("53995c3f42cd8ad8", sender.trace().parent(), "the caller's segment is the sender's parent");
            // The function's own AWS SDK read _X_AMZN_TRACE_ID (or com.amazonaws.xray.traceHeader), sent it as
            // X-Amzn-Trace-Id, and the queue kept it as the message's AWSTraceHeader for the consumer's invocation.
            assertEquals(root, worker.trace().root(), "the consumer continues the sender's trace");
            assertEquals(sender.trace().id(), worker.trace().parent());
            assertEquals("queue orders", worker.trace().via());
        }
    }
}
