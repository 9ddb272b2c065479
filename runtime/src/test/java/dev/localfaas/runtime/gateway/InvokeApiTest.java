package dev.localfaas.runtime.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.execution.FunctionStats;
import dev.localfaas.runtime.execution.RetryPolicy;
import dev.localfaas.runtime.execution.Trigger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.ThrottleReason;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** The Lambda Invoke API, judged by the AWS SDK for Java v2 against the real gateway and engine. */
class InvokeApiTest {

    @TempDir
    static Path dir;
    static RunningGateway gw;
    static LambdaClient lambda;

    @BeforeAll
    static void start() {
        gw = RunningGateway.start(Samples.copy(dir.resolve("functions"), "hello.jar", "fixtures-behaviour.jar"),
                dir.resolve("state"), f -> f,
                c -> c.withAsyncRetryPolicy(new RetryPolicy(List.of(Duration.ofMillis(20), Duration.ofMillis(20)))));
        lambda = LambdaClient.builder()
                .endpointOverride(URI.create(gw.gateway.url()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterAll
    static void stop() {
        lambda.close();
        gw.close();
    }

    private static InvokeResponse invoke(String function, String payload) {
        return lambda.invoke(InvokeRequest.builder().functionName(function).payload(SdkBytes.fromUtf8String(payload)).build());
    }

    @Test
    void requestResponseReturnsThePayload() {
        InvokeResponse r = invoke("hello", "{\"name\":\"Ada\"}");
        assertEquals(200, r.statusCode());
        assertEquals("{\"message\":\"Hello, Ada!\"}", r.payload().asUtf8String());
        assertEquals("$LATEST", r.executedVersion());
        assertNull(r.functionError());
        assertNull(r.logResult());
        assertTrue(r.responseMetadata().requestId().matches("[0-9a-f-]{36}"));
    }

    @Test
    void everyNameFormReachesTheFunction() {
        for (String name : List.of("hello:$LATEST", "123456789012:function:hello",
                "arn:aws:lambda:us-east-1:123456789012:function:hello")) {
            assertEquals(200, invoke(name, "{}").statusCode(), name);
        }
        InvokeResponse q = lambda.invoke(InvokeRequest.builder().functionName("hello").qualifier("$LATEST")
                .payload(SdkBytes.fromUtf8String("{}")).build());
        assertEquals("$LATEST", q.executedVersion());
    }

    @Test
    void emptyPayloadIsAnEmptyObject() {
        InvokeResponse r = lambda.invoke(InvokeRequest.builder().functionName("hello").build());
        assertEquals("{\"message\":\"Hello, world!\"}", r.payload().asUtf8String());
    }

    @Test
    void tailReturnsTheInvocationLog() {
        InvokeResponse r = lambda.invoke(InvokeRequest.builder().functionName("hello").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"name\":\"Tail\"}")).build());
        String log = new String(Base64.getDecoder().decode(r.logResult()), StandardCharsets.UTF_8);
        String requestId = r.responseMetadata().requestId();
        assertTrue(log.startsWith("START RequestId: " + requestId + " Version: $LATEST"), log);
        assertTrue(log.contains("hello: greeting Tail"), log);
        assertTrue(log.contains("END RequestId: " + requestId), log);
        assertTrue(log.contains("REPORT RequestId: " + requestId + "\tDuration: "), log);
    }

    @Test
    void functionErrorIs200WithUnhandled() {
        InvokeResponse r = invoke("thrower", "{}");
        assertEquals(200, r.statusCode());
        assertEquals("Unhandled", r.functionError());
        assertTrue(r.payload().asUtf8String().startsWith("{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\""),
                r.payload().asUtf8String());
    }

    @Test
    void eventIsAcceptedAndRunsInTheBackground() {
        InvokeResponse r = lambda.invoke(InvokeRequest.builder().functionName("hello")
                .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{\"name\":\"later\"}")).build());
        assertEquals(202, r.statusCode());
        assertEquals(0, r.payload().asByteArray().length);
        String id = r.responseMetadata().requestId();
        await().atMost(5, TimeUnit.SECONDS).until(() -> gw.invocations.stream()
                .anyMatch(i -> i.requestId().equals(id) && i.trigger() == Trigger.INVOKE && !i.failed()));
    }

    @Test
    void failingEventIsRetriedTwiceThenReported() {
        InvokeResponse r = lambda.invoke(InvokeRequest.builder().functionName("thrower")
                .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{}")).build());
        String id = r.responseMetadata().requestId();
        await().atMost(5, TimeUnit.SECONDS).until(() -> gw.notices.contains("thrower: asynchronous invocation " + id
                + " failed after 3 attempts (error, java.lang.IllegalStateException); the event is dropped"));
        gw.faas.flush(); // listeners hear of invocations on the engine's writer thread
        assertEquals(3, gw.invocations.stream().filter(i -> i.requestId().equals(id)).count());
    }

    @Test
    void dryRunChecksWithoutRunning() {
        long before = gw.invocationsOf("hello");
        InvokeResponse r = lambda.invoke(InvokeRequest.builder().functionName("hello")
                .invocationType(InvocationType.DRY_RUN).build());
        assertEquals(204, r.statusCode());
        assertEquals(before, gw.invocationsOf("hello"));
    }

    @Test
    void unknownFunctionIsResourceNotFound() {
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, () -> invoke("nope", "{}"));
        assertEquals(404, e.statusCode());
        assertTrue(e.getMessage().startsWith(
                "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope:$LATEST"), e.getMessage());
        assertThrows(ResourceNotFoundException.class, () -> invoke("hello:v1", "{}"), "only $LATEST exists locally");
    }

    @Test
    void payloadThatIsNotJsonIsInvalidRequestContent() {
        InvalidRequestContentException e = assertThrows(InvalidRequestContentException.class, () -> invoke("hello", "not json"));
        assertEquals(400, e.statusCode());
        assertTrue(e.getMessage().startsWith("Could not parse request body into json: Could not parse payload into json: "
                + "Unrecognized token 'not'"), e.getMessage());
    }

    @Test
    void payloadOverSixMegabytesIsRequestTooLarge() {
        byte[] big = new byte[6_291_457];
        java.util.Arrays.fill(big, (byte) ' ');
        RequestTooLargeException e = assertThrows(RequestTooLargeException.class, () -> lambda.invoke(
                InvokeRequest.builder().functionName("hello").payload(SdkBytes.fromByteArray(big)).build()));
        assertEquals(413, e.statusCode());
        assertTrue(e.getMessage().startsWith("Request must be smaller than 6291456 bytes for the InvokeFunction operation"),
                e.getMessage());
    }

    @Test
    void overReservedConcurrencyIsTooManyRequests() throws Exception {
        List<CompletableFuture<InvokeResponse>> running = List.of(
                CompletableFuture.supplyAsync(() -> invoke("sleeper", "{\"ms\":900}")),
                CompletableFuture.supplyAsync(() -> invoke("sleeper", "{\"ms\":900}")));
        await().atMost(5, TimeUnit.SECONDS).until(() -> gw.faas.stats().stream()
                .filter(s -> s.function().equals("sleeper")).mapToInt(FunctionStats::busy).sum() == 2);
        TooManyRequestsException e = assertThrows(TooManyRequestsException.class, () -> invoke("sleeper", "{\"ms\":1}"));
        assertEquals(429, e.statusCode());
        assertEquals(ThrottleReason.RESERVED_FUNCTION_CONCURRENT_INVOCATION_LIMIT_EXCEEDED, e.reason());
        // the two in flight are answered too (on a loaded machine 900 ms can pass sleeper's 1 s timeout: either answer)
        for (CompletableFuture<InvokeResponse> r : running) {
            assertEquals(200, r.get(5, TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void errorsCarryTheirTypeHeaderAndModelledBody() {
        HttpResponse<String> notFound = gw.send(HttpRequest.newBuilder(gw.uri("/2015-03-31/functions/nope/invocations"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(404, notFound.statusCode());
        assertEquals("ResourceNotFoundException", notFound.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertEquals("{\"Type\":\"User\",\"Message\":\"Function not found: "
                + "arn:aws:lambda:us-east-1:123456789012:function:nope:$LATEST\"}", notFound.body());
        assertTrue(notFound.headers().firstValue("x-amzn-RequestId").isPresent());

        HttpResponse<String> badType = gw.send(HttpRequest.newBuilder(gw.uri("/2015-03-31/functions/hello/invocations"))
                .header("X-Amz-Invocation-Type", "Sometime").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(400, badType.statusCode());
        assertEquals("InvalidParameterValueException", badType.headers().firstValue("x-amzn-ErrorType").orElseThrow());

        HttpResponse<String> other = gw.send(HttpRequest.newBuilder(gw.uri("/2015-03-31/functions/hello")).DELETE().build());
        assertEquals(404, other.statusCode());
        assertEquals("{\"Type\":\"User\",\"message\":\"localfaas implements Invoke (POST "
                + "/2015-03-31/functions/{name}/invocations) and, with the AWS APIs, ListFunctions, GetFunction and"
                + " GetFunctionConfiguration; not DELETE /2015-03-31/functions/hello\"}", other.body());
    }
}
