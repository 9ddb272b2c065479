package dev.localfaas.runtime.runtimeapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Runtime API as a runtime sees it, over real HTTP: paths, headers, payloads and status codes. */
class RuntimeApiServerTest {

    static final String BASE = "/2018-06-01/runtime/";
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    RuntimeApiServer api;

    @BeforeEach
    void start() {
        api = RuntimeApiServer.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://" + api.address() + BASE + path)).timeout(Duration.ofSeconds(30));
    }

    HttpResponse<String> post(String path, String body, String errorType) throws Exception {
        HttpRequest.Builder b = at(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (errorType != null) {
            b.header("Lambda-Runtime-Function-Error-Type", errorType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void nextBlocksUntilAnEventComesWithLambdasHeadersAndTheResponseAnswersIt() throws Exception {
        CompletableFuture<HttpResponse<String>> next = http.sendAsync(at("invocation/next").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(Optional.empty(), api.initialized().get(10, TimeUnit.SECONDS), "the first next ends init");
        assertFalse(next.isDone());
        CompletableFuture<RuntimeAnswer> answer = api.submit(new RuntimeInvocation("req-1", 1_800_000_000_000L,
                "arn:aws:lambda:us-east-1:123456789012:function:f", "Root=1-5f000000-000000000000000000000001",
                "{\"custom\":{}}", "{\"cognitoIdentityId\":\"id\"}", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> event = next.get(10, TimeUnit.SECONDS);
        assertEquals(200, event.statusCode());
        assertEquals("{\"a\":1}", event.body());
        assertEquals("req-1", event.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow());
        assertEquals("1800000000000", event.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow());
        assertEquals("arn:aws:lambda:us-east-1:123456789012:function:f",
                event.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn").orElseThrow());
        assertEquals("Root=1-5f000000-000000000000000000000001",
                event.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow());
        assertEquals("{\"custom\":{}}", event.headers().firstValue("Lambda-Runtime-Client-Context").orElseThrow());
        assertEquals("{\"cognitoIdentityId\":\"id\"}",
                event.headers().firstValue("Lambda-Runtime-Cognito-Identity").orElseThrow());

        HttpResponse<String> accepted = post("invocation/req-1/response", "\"done\"", null);
        assertEquals(202, accepted.statusCode());
        assertEquals("{\"status\":\"OK\"}", accepted.body());
        RuntimeAnswer done = answer.get(10, TimeUnit.SECONDS);
        assertFalse(done.failed());
        assertEquals("\"done\"", new String(done.body(), StandardCharsets.UTF_8));

        HttpResponse<String> again = post("invocation/req-1/response", "\"twice\"", null);
        assertEquals(400, again.statusCode());
        assertEquals("{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}", again.body());
    }

    @Test
    void anErrorCarriesItsTypeHeader() throws Exception {
        http.sendAsync(at("invocation/next").GET().build(), HttpResponse.BodyHandlers.ofString());
        api.initialized().get(10, TimeUnit.SECONDS);
        CompletableFuture<RuntimeAnswer> answer = api.submit(new RuntimeInvocation("req-2", 1L, "arn", "Root=1", null,
                null, "{}".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> accepted = post("invocation/req-2/error",
                "{\"errorMessage\":\"bad\",\"errorType\":\"Oops\"}", "Unhandled");
        assertEquals(202, accepted.statusCode());
        RuntimeAnswer failed = answer.get(10, TimeUnit.SECONDS);
        assertTrue(failed.failed());
        assertEquals("Unhandled", failed.errorType());
        assertEquals("{\"errorMessage\":\"bad\",\"errorType\":\"Oops\"}", new String(failed.body(), StandardCharsets.UTF_8));
    }

    @Test
    void initErrorEndsInit() throws Exception {
        HttpResponse<String> accepted = post("init/error", "{\"errorMessage\":\"no\",\"errorType\":\"Runtime.X\"}",
                "Runtime.BadFunctionCode");
        assertEquals(202, accepted.statusCode());
        RuntimeAnswer error = api.initialized().get(1, TimeUnit.SECONDS).orElseThrow();
        assertEquals("Runtime.BadFunctionCode", error.errorType());
    }

    @Test
    void aResponseOverSixMegabytesIsRefused() throws Exception {
        http.sendAsync(at("invocation/next").GET().build(), HttpResponse.BodyHandlers.ofString());
        api.initialized().get(10, TimeUnit.SECONDS);
        CompletableFuture<RuntimeAnswer> answer = api.submit(new RuntimeInvocation("req-3", 1L, "arn", "Root=1", null,
                null, "{}".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> refused = post("invocation/req-3/response", "\"" + "x".repeat(6 * 1024 * 1024) + "\"", null);
        assertEquals(413, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("RequestEntityTooLarge"), refused.body());
        assertEquals("Function.ResponseSizeTooLarge", answer.get(10, TimeUnit.SECONDS).errorType());
    }

    @Test
    void unknownPathsAre404() throws Exception {
        assertEquals(404, http.send(at("invocation/nope").GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }
}
