package dev.localfaas.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/** A gateway on every interface ({@code --host 0.0.0.0}): the admin and Invoke APIs want the token it made up. */
class ExposedGatewayTest {

    private static final String INVOKE = "/2015-03-31/functions/hello/invocations";

    @TempDir
    static Path dir;
    static RunningGateway gw;
    static String token;
    static String base;

    @BeforeAll
    static void start() {
        gw = RunningGateway.start(Samples.copy(dir.resolve("functions"), "hello.jar"), dir.resolve("state"), f -> f,
                c -> c.withHost("0.0.0.0"));
        token = gw.gateway.adminToken().orElseThrow();
        base = "http://127.0.0.1:" + gw.gateway.port();
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static HttpResponse<String> post(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return gw.send(b.POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    }

    private static LambdaClient lambda(String accessKey) {
        return LambdaClient.builder().endpointOverride(URI.create(base)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "x")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @Test
    void aTokenIsGeneratedForANetworkAddress() {
        assertTrue(gw.gateway.reachableFromNetwork());
        assertTrue(token.matches("[0-9a-f]{32}"), token);
    }

    @Test
    void withoutTheTokenAdminAndInvokeApiAre401WithOneLine() {
        HttpResponse<String> invoke = post(INVOKE);
        assertEquals(401, invoke.statusCode(), invoke.body());
        assertEquals("UnrecognizedClientException", invoke.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        HttpResponse<String> admin = post("/_faas/health", "X-Faas-Token", "wrong");
        assertEquals(401, admin.statusCode());
        assertEquals("{\"message\":\"/_faas/health needs the admin token on a gateway reachable from the network (the"
                + " token sent is not it); send it as X-Faas-Token or Authorization: Bearer, or pass --admin-token to"
                + " the faas command\"}", admin.body());
    }

    @Test
    void theTokenOpensThem() {
        assertEquals(200, post(INVOKE, "X-Faas-Token", token).statusCode());
        assertEquals(200, post(INVOKE, "Authorization", "Bearer " + token).statusCode());
        assertEquals(200, gw.send(HttpRequest.newBuilder(URI.create(base + "/_faas/health"))
                .header("X-Faas-Token", token).GET().build()).statusCode());
    }

    @Test
    void anAwsSdkSendsItAsItsAccessKey() {
        try (LambdaClient good = lambda(token); LambdaClient bad = lambda("local")) {
            InvokeRequest request = InvokeRequest.builder().functionName("hello")
                    .payload(SdkBytes.fromUtf8String("{\"name\":\"SDK\"}")).build();
            assertEquals("{\"message\":\"Hello, SDK!\"}", good.invoke(request).payload().asUtf8String());
            LambdaException e = assertThrows(LambdaException.class, () -> bad.invoke(request));
            assertEquals(401, e.statusCode());
        }
    }

    @Test
    void functionRoutesNeedNoToken() {
        assertEquals(200, post("/hello").statusCode());
    }
}
