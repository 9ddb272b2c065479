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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A SAM template's HttpApi Auth and CorsConfiguration, read into route policies and enforced by the real gateway. */
class GatewayTemplateAuthTest {

    @TempDir
    static Path dir;
    static TestIssuer issuer;
    static LocalFaas faas;
    static Gateway gateway;
    static TemplatePolicies policies;
    static final List<String> notices = new CopyOnWriteArrayList<>();
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        issuer = new TestIssuer();
        Path project = Samples.copy(dir.resolve("project"), "fixtures-events.jar");
        Path template = Files.writeString(project.resolve("template.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  UsersApi:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      CorsConfiguration:
                        AllowOrigins: [http://localhost:5173]
                        AllowMethods: [GET]
                      Auth:
                        DefaultAuthorizer: UsersAuth
                        Authorizers:
                          UsersAuth:
                            IdentitySource: $request.header.Authorization
                            JwtConfiguration:
                              issuer: %s
                              audience: [users-app]
                  Echo:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: echo
                      CodeUri: fixtures-events.jar
                      Handler: fixtures.events.EchoHttp::handleRequest
                      Runtime: java21
                      Events:
                        Users:
                          Type: HttpApi
                          Properties: {ApiId: !Ref UsersApi, Path: /users, Method: GET,
                                       Auth: {AuthorizationScopes: [users:read]}}
                        Health:
                          Type: HttpApi
                          Properties: {ApiId: !Ref UsersApi, Path: /health, Method: GET, Auth: {Authorizer: NONE}}
                """.formatted(issuer.url));
        Project loaded = ProjectLoader.load(template, ProjectOptions.defaults());
        faas = LocalFaas.open(RuntimeConfig.forDirectory(project).withStateDir(dir.resolve("state")),
                UnaryOperator.identity(), loaded::catalog);
        policies = TemplatePolicies.from(loaded.model(), KeySources::discovered);
        gateway = Gateway.create(GatewayConfig.defaults().withPort(0), faas).onNotice(notices::add)
                .accessPolicies(policies.policies()).start();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        faas.close();
        issuer.close();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(java.net.URI.create(gateway.url() + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDefaultAuthorizerGuardsTheRouteWithItsScopes() throws Exception {
        assertEquals(401, get("/users", null).statusCode());
        assertEquals(403, get("/users", issuer.token("users-app", "orders:read")).statusCode());
        assertEquals(401, get("/users", issuer.token("other-app", "users:read")).statusCode());
        HttpResponse<String> ok = get("/users", issuer.token("users-app", "users:read"));
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("\"sub\":\"alice\""), ok.body());
        assertTrue(notices.stream().anyMatch(n -> n.contains("route GET /users of echo, jwt UsersAuth")), notices.toString());
    }

    @Test
    void authorizerNoneOpensARoute() throws Exception {
        assertEquals(200, get("/health", null).statusCode());
    }

    @Test
    void theApisCorsConfigurationAnswersPreflights() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(java.net.URI.create(gateway.url() + "/users"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, r.statusCode());
        assertEquals("http://localhost:5173", r.headers().firstValue("access-control-allow-origin").orElse(""));
        assertEquals("GET", r.headers().firstValue("access-control-allow-methods").orElse(""));
        assertTrue(policies.warnings().isEmpty(), policies.warnings().toString());
    }
}
