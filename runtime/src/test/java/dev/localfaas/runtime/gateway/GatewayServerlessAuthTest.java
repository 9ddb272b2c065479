package dev.localfaas.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.config.Project;
import dev.localfaas.runtime.config.ProjectLoader;
import dev.localfaas.runtime.config.ProjectOptions;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.gateway.policy.KeySources;
import dev.localfaas.runtime.gateway.policy.TemplatePolicies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Serverless Framework file's access settings enforced by the real gateway: {@code httpApi.authorizers} (a request
 * authorizer with simple responses, a JWT authorizer), an {@code http} event's authorizer and {@code private: true}
 * with {@code apiGateway.apiKeys} and {@code usagePlan}.
 */
class GatewayServerlessAuthTest {

    @TempDir
    static Path dir;
    static LocalFaas faas;
    static Gateway gateway;
    static TemplatePolicies policies;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path project = Samples.copy(dir.resolve("project"), "fixtures-authorizers.jar");
        Path file = Files.writeString(project.resolve("serverless.yml"), """
                service: shop
                provider:
                  name: aws
                  runtime: java21
                  httpApi:
                    authorizers:
                      byUser:
                        type: request
                        functionName: simple
                        enableSimpleResponses: true
                        identitySource: [$request.header.x-user]
                        resultTtlInSeconds: 0
                      byToken:
                        type: jwt
                        identitySource: $request.header.Authorization
                        issuerUrl: https://login.example.com/ # no token is sent: refused before any key fetch
                        audience: [shop]
                  apiGateway:
                    apiKeys:
                      - {name: partner, value: partnerkey0123456789abcdefghijklmnopqrs}
                    usagePlan:
                      quota: {limit: 1, period: DAY}
                package:
                  artifact: fixtures-authorizers.jar
                functions:
                  simple:
                    handler: fixtures.authorizers.SimpleAuthorizer::handleRequest
                  policy:
                    handler: fixtures.authorizers.PolicyAuthorizer::handleRequest
                  echo:
                    handler: fixtures.authorizers.Echo::handleRequest
                    events:
                      - httpApi: {method: GET, path: /orders, authorizer: {name: byUser}}
                      - httpApi: {method: GET, path: /admin, authorizer: {name: byToken, scopes: [admin]}}
                      - httpApi: GET /open
                      - http: {method: get, path: /partner, private: true}
                      - http: {method: get, path: /legacy, authorizer: {name: policy, resultTtlInSeconds: 0}}
                """);
        Project loaded = ProjectLoader.load(file, ProjectOptions.defaults());
        faas = LocalFaas.open(RuntimeConfig.forDirectory(project).withStateDir(dir.resolve("state")),
                UnaryOperator.identity(), loaded::catalog);
        policies = TemplatePolicies.from(loaded.model(), KeySources::discovered);
        gateway = Gateway.create(GatewayConfig.defaults().withPort(0), faas).onNotice(line -> { })
                .accessPolicies(policies.withKeysIn(dir.resolve("state"))).start();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        faas.close();
    }

    private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway.url() + path)).GET();
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void httpApiAuthorizersGuardTheirRoutesAndOthersStayOpen() throws Exception {
        HttpResponse<String> alice = get("/orders", Map.of("x-user", "alice"));
        assertEquals(200, alice.statusCode(), alice.body());
        assertTrue(alice.body().contains("\"lambda\":{\"user\":\"alice\""), alice.body());
        assertEquals(403, get("/orders", Map.of("x-user", "mallory")).statusCode());
        assertEquals(401, get("/orders", Map.of()).statusCode());
        assertEquals(401, get("/admin", Map.of()).statusCode());
        assertEquals(200, get("/open", Map.of()).statusCode());
    }

    @Test
    void aPrivateRestRouteTakesTheFilesApiKeyWithinItsPlansQuota() throws Exception {
        assertEquals(403, get("/partner", Map.of()).statusCode());
        Map<String, String> key = Map.of("x-api-key", "partnerkey0123456789abcdefghijklmnopqrs");
        assertEquals(200, get("/partner", key).statusCode());
        HttpResponse<String> spent = get("/partner", key);
        assertEquals(429, spent.statusCode());
        assertEquals("{\"message\":\"Limit Exceeded\"}", spent.body());
    }

    @Test
    void aRestRoutesTokenAuthorizerIsAFunctionOfTheService() throws Exception {
        assertEquals(200, get("/legacy", Map.of("Authorization", "wild-erin")).statusCode());
        assertEquals(403, get("/legacy", Map.of("Authorization", "deny")).statusCode());
        assertEquals(401, get("/legacy", Map.of()).statusCode());
    }
}
