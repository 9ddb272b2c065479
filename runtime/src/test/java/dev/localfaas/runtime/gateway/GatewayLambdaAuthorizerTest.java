package dev.localfaas.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.config.Project;
import dev.localfaas.runtime.config.ProjectLoader;
import dev.localfaas.runtime.config.ProjectOptions;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.gateway.policy.KeySources;
import dev.localfaas.runtime.gateway.policy.TemplatePolicies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lambda authorizers from a SAM template, run as real function JARs behind the real gateway: REST TOKEN and REQUEST
 * authorizers answering IAM policies (cached by token, judged against each request's ARN), HTTP API REQUEST
 * authorizers with simple responses (payload 2.0) and IAM policies (payload 1.0), and the answers API Gateway gives.
 */
class GatewayLambdaAuthorizerTest {

    @TempDir
    static Path dir;
    static LocalFaas faas;
    static Gateway gateway;
    static TemplatePolicies policies;
    static final List<String> notices = new CopyOnWriteArrayList<>();
    static final List<InvocationResult> invocations = new CopyOnWriteArrayList<>();
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        Path project = Samples.copy(dir.resolve("project"), "fixtures-authorizers.jar");
        Path template = Files.writeString(project.resolve("template.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function: {CodeUri: fixtures-authorizers.jar, Runtime: java21}
                Resources:
                  RestApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: Prod
                      Auth:
                        DefaultAuthorizer: TokenAuth
                        Authorizers:
                          TokenAuth:
                            FunctionArn: !GetAtt PolicyAuthorizer.Arn
                            Identity: {Header: Authorization, ValidationExpression: '^[a-z]+(-[a-z]+)?$'}
                          NoCacheAuth:
                            FunctionArn: !GetAtt PolicyAuthorizer.Arn
                            Identity: {ReauthorizeEvery: 0}
                          RequestAuth:
                            FunctionArn: !GetAtt PolicyAuthorizer.Arn
                            FunctionPayloadType: REQUEST
                            Identity: {Headers: [x-token], ReauthorizeEvery: 0}
                  HttpApi:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      Auth:
                        DefaultAuthorizer: SimpleAuth
                        Authorizers:
                          SimpleAuth:
                            FunctionArn: !GetAtt SimpleAuthorizer.Arn
                            AuthorizerPayloadFormatVersion: '2.0'
                            EnableSimpleResponses: true
                            Identity: {Headers: [x-user], ReauthorizeEvery: 0}
                          V1Auth:
                            FunctionArn: !GetAtt PolicyAuthorizer.Arn
                            AuthorizerPayloadFormatVersion: '1.0'
                            Identity: {QueryStrings: [token], ReauthorizeEvery: 0}
                          Elsewhere:
                            FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:not-here
                            AuthorizerPayloadFormatVersion: '2.0'
                            EnableSimpleResponses: true
                  PolicyAuthorizer:
                    Type: AWS::Serverless::Function
                    Properties: {FunctionName: policy-authorizer, Handler: fixtures.authorizers.PolicyAuthorizer::handleRequest}
                  SimpleAuthorizer:
                    Type: AWS::Serverless::Function
                    Properties: {FunctionName: simple-authorizer, Handler: fixtures.authorizers.SimpleAuthorizer::handleRequest}
                  Echo:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: auth-echo
                      Handler: fixtures.authorizers.Echo::handleRequest
                      Events:
                        RestToken:
                          Type: Api
                          Properties: {RestApiId: !Ref RestApi, Path: '/rest/token/{id}', Method: GET}
                        RestNoCache:
                          Type: Api
                          Properties: {RestApiId: !Ref RestApi, Path: /rest/nocache, Method: GET, Auth: {Authorizer: NoCacheAuth}}
                        RestRequest:
                          Type: Api
                          Properties: {RestApiId: !Ref RestApi, Path: /rest/request, Method: GET, Auth: {Authorizer: RequestAuth}}
                        HttpSimple:
                          Type: HttpApi
                          Properties: {ApiId: !Ref HttpApi, Path: /http/simple, Method: GET}
                        HttpV1:
                          Type: HttpApi
                          Properties: {ApiId: !Ref HttpApi, Path: /http/v1, Method: GET, Auth: {Authorizer: V1Auth}}
                        HttpElsewhere:
                          Type: HttpApi
                          Properties: {ApiId: !Ref HttpApi, Path: /http/elsewhere, Method: GET, Auth: {Authorizer: Elsewhere}}
                """);
        Project loaded = ProjectLoader.load(template, ProjectOptions.defaults());
        faas = LocalFaas.open(RuntimeConfig.forDirectory(project).withStateDir(dir.resolve("state")),
                UnaryOperator.identity(), loaded::catalog);
        faas.addListener(invocations::add);
        policies = TemplatePolicies.from(loaded.model(), KeySources::discovered);
        gateway = Gateway.create(GatewayConfig.defaults().withPort(0), faas).onNotice(notices::add)
                .accessPolicies(policies.policies()).start();
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

    private static long authorizerCalls(String function) {
        faas.flush();
        return invocations.stream().filter(r -> r.function().equals(function)).count();
    }

    private static JsonNode event(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void aTokenAuthorizersContextReachesTheFunctionAndItsPolicyIsCachedByToken() throws Exception {
        long before = authorizerCalls("policy-authorizer");
        JsonNode event = event(get("/rest/token/1", Map.of("Authorization", "allow-alice")));
        JsonNode authorizer = event.path("requestContext").path("authorizer");
        assertEquals("alice", authorizer.path("principalId").asText());
        assertEquals("alice", authorizer.path("user").asText());
        assertEquals("3", authorizer.path("count").asText(), "a REST API passes context values as strings");
        assertTrue(authorizer.path("count").isTextual());
        assertEquals("true", authorizer.path("admin").asText());
        assertEquals("TOKEN", authorizer.path("type").asText());
        assertTrue(authorizer.path("integrationLatency").isNumber(), authorizer.toString());
        assertEquals(before + 1, authorizerCalls("policy-authorizer"));

        assertEquals(200, get("/rest/token/1", Map.of("Authorization", "allow-alice")).statusCode());
        assertEquals(before + 1, authorizerCalls("policy-authorizer"), "the second call is answered from the cache");

        // the cached policy allows /rest/token/1's ARN only: another path is denied, as on AWS
        HttpResponse<String> other = get("/rest/token/2", Map.of("Authorization", "allow-alice"));
        assertEquals(403, other.statusCode());
        assertEquals("{\"Message\":\"User is not authorized to access this resource\"}", other.body());
        assertEquals(before + 1, authorizerCalls("policy-authorizer"));

        assertEquals(200, get("/rest/token/1", Map.of("Authorization", "wild-bob")).statusCode());
        assertEquals(200, get("/rest/token/2", Map.of("Authorization", "wild-bob")).statusCode());
        assertEquals(before + 2, authorizerCalls("policy-authorizer"));
    }

    @Test
    void aMissingOrInvalidTokenIsRefusedWithoutInvokingTheAuthorizer() throws Exception {
        long before = authorizerCalls("policy-authorizer");
        HttpResponse<String> none = get("/rest/token/1", Map.of());
        assertEquals(401, none.statusCode());
        assertEquals("{\"message\":\"Unauthorized\"}", none.body());
        assertEquals(401, get("/rest/token/1", Map.of("Authorization", "Not Valid!")).statusCode());
        assertEquals(before, authorizerCalls("policy-authorizer"));
        assertTrue(notices.stream().anyMatch(n -> n.contains("-> 401 (route GET /rest/token/{id} of auth-echo, lambda "
                + "authorizer TokenAuth: token does not match")), notices.toString());
    }

    @Test
    void denyUnauthorizedAndFailuresAreAnsweredAsRestApiAnswersThem() throws Exception {
        HttpResponse<String> deny = get("/rest/nocache", Map.of("Authorization", "deny"));
        assertEquals(403, deny.statusCode());
        assertEquals("{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}", deny.body());
        HttpResponse<String> unauthorized = get("/rest/nocache", Map.of("Authorization", "unauthorized"));
        assertEquals(401, unauthorized.statusCode());
        assertEquals("{\"message\":\"Unauthorized\"}", unauthorized.body());
        HttpResponse<String> boom = get("/rest/nocache", Map.of("Authorization", "boom"));
        assertEquals(500, boom.statusCode());
        assertEquals("{\"message\":null}", boom.body());
        assertEquals("AuthorizerConfigurationException", boom.headers().firstValue("x-amzn-ErrorType").orElse(""));
        String metrics = gateway.refusalMetrics();
        assertTrue(metrics.contains("faas_gateway_refusals_total{function=\"auth-echo\",route=\"GET /rest/nocache\","
                + "status=\"500\",reason=\"authorizer_error\"} 1"), metrics);
        assertTrue(metrics.contains("route=\"GET /rest/nocache\",status=\"403\",reason=\"forbidden\"} 1"), metrics);
    }

    @Test
    void aRequestAuthorizerGetsTheRequestAndNeedsItsIdentitySources() throws Exception {
        JsonNode event = event(get("/rest/request?x=1", Map.of("x-token", "allow-carol")));
        assertEquals("carol", event.path("requestContext").path("authorizer").path("principalId").asText());
        assertEquals("REQUEST", event.path("requestContext").path("authorizer").path("type").asText());
        assertEquals(401, get("/rest/request", Map.of()).statusCode());
    }

    @Test
    void anHttpApiSimpleAuthorizerPassesItsContextUnderLambda() throws Exception {
        JsonNode event = event(get("/http/simple", Map.of("x-user", "alice")));
        JsonNode lambda = event.path("requestContext").path("authorizer").path("lambda");
        assertEquals("alice", lambda.path("user").asText(), event.toString());
        assertEquals("REQUEST", lambda.path("type").asText());
        assertEquals("GET /http/simple", lambda.path("routeKey").asText());
        assertTrue(lambda.path("routeArn").asText().matches(
                "arn:aws:execute-api:us-east-1:123456789012:[^/]+/[^/]+/GET/http/simple"), lambda.toString());

        HttpResponse<String> refused = get("/http/simple", Map.of("x-user", "mallory"));
        assertEquals(403, refused.statusCode());
        assertEquals("{\"message\":\"Forbidden\"}", refused.body());
        assertEquals(401, get("/http/simple", Map.of()).statusCode());
        HttpResponse<String> boom = get("/http/simple", Map.of("x-user", "boom"));
        assertEquals(500, boom.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", boom.body());
    }

    @Test
    void anHttpApiPayload10AuthorizerReadsTheQueryString() throws Exception {
        JsonNode event = event(get("/http/v1?token=wild-dave", Map.of()));
        assertEquals("dave", event.path("requestContext").path("authorizer").path("lambda").path("user").asText(),
                event.toString());
        assertEquals(401, get("/http/v1", Map.of()).statusCode());
    }

    @Test
    void anAuthorizerOutsideTheProjectIsNamedAtStartAndAnswers500() throws Exception {
        assertEquals(List.of("HttpApi: authorizer Elsewhere names function not-here, which is not in this project; its "
                + "routes answer 500 until it is"), policies.warnings());
        HttpResponse<String> r = get("/http/elsewhere", Map.of());
        assertEquals(500, r.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", r.body());
    }
}
