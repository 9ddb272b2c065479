package dev.localfaas.runtime.gateway;

import static org.awaitility.Awaitility.await;
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
import dev.localfaas.runtime.gateway.policy.AccessPolicies;
import dev.localfaas.runtime.gateway.policy.ApiKeyStore;
import dev.localfaas.runtime.gateway.policy.KeySources;
import dev.localfaas.runtime.gateway.policy.KeyUsage;
import dev.localfaas.runtime.gateway.policy.TemplatePolicies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API keys and usage plans from a SAM template and from {@code faas keys} (the key store), and route throttles from
 * the stage settings, enforced by the real gateway with API Gateway's answers.
 */
class GatewayApiKeysTest {

    static final String TEMPLATE_KEY = "templatekey0123456789abcdefghijklmnopqrs";
    static final String AUTHORIZER_KEY = "authorizerkey0123456789abcdefghijklmnop";

    @TempDir
    static Path dir;
    static Path state;
    static LocalFaas faas;
    static Gateway gateway;
    static AccessPolicies access;
    static ApiKeyStore store;
    static final List<String> notices = new CopyOnWriteArrayList<>();
    static final List<InvocationResult> invocations = new CopyOnWriteArrayList<>();
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path project = Samples.copy(dir.resolve("project"), "fixtures-authorizers.jar");
        state = dir.resolve("state");
        Path template = Files.writeString(project.resolve("template.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  KeyedApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: Prod
                      Auth: {ApiKeyRequired: true}
                      MethodSettings:
                        - {ResourcePath: /*, HttpMethod: '*', ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 1000}
                        - {ResourcePath: /~1limited, HttpMethod: GET, ThrottlingRateLimit: 0.5, ThrottlingBurstLimit: 1}
                  AuthorizedApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: Prod
                      ApiKeySourceType: AUTHORIZER
                      Auth:
                        ApiKeyRequired: true
                        DefaultAuthorizer: TokenAuth
                        Authorizers:
                          TokenAuth:
                            FunctionArn: !GetAtt PolicyAuthorizer.Arn
                            Identity: {ReauthorizeEvery: 0}
                  ViaAuthorizer:
                    Type: AWS::ApiGateway::UsagePlan
                    Properties:
                      ApiStages: [{ApiId: !Ref AuthorizedApi, Stage: Prod}]
                  AuthorizerKey:
                    Type: AWS::ApiGateway::ApiKey
                    Properties: {Name: authorizer-key, Value: %s}
                  AuthorizerKeyPlan:
                    Type: AWS::ApiGateway::UsagePlanKey
                    Properties: {KeyId: !Ref AuthorizerKey, KeyType: API_KEY, UsagePlanId: !Ref ViaAuthorizer}
                  PolicyAuthorizer:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: policy-authorizer
                      CodeUri: fixtures-authorizers.jar
                      Handler: fixtures.authorizers.PolicyAuthorizer::handleRequest
                      Runtime: java21
                  OpenApi:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      DefaultRouteSettings: {ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 1000}
                      RouteSettings:
                        GET /slow: {ThrottlingRateLimit: 0.5, ThrottlingBurstLimit: 1}
                  Bursty:
                    Type: AWS::ApiGateway::UsagePlan
                    Properties:
                      UsagePlanName: bursty
                      ApiStages: [{ApiId: !Ref KeyedApi, Stage: Prod}]
                      Throttle: {RateLimit: 0.25, BurstLimit: 2}
                  Metered:
                    Type: AWS::ApiGateway::UsagePlan
                    Properties:
                      UsagePlanName: metered
                      ApiStages: [{ApiId: !Ref KeyedApi, Stage: Prod}]
                      Quota: {Limit: 3, Period: DAY}
                  Elsewhere:
                    Type: AWS::ApiGateway::UsagePlan
                    Properties:
                      ApiStages: [{ApiId: !Ref OpenApi, Stage: $default}]
                  TemplateKey:
                    Type: AWS::ApiGateway::ApiKey
                    Properties: {Name: template-key, Value: %s, Enabled: true}
                  TemplateKeyPlan:
                    Type: AWS::ApiGateway::UsagePlanKey
                    Properties: {KeyId: !Ref TemplateKey, KeyType: API_KEY, UsagePlanId: !Ref Bursty}
                  Echo:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: auth-echo
                      CodeUri: fixtures-authorizers.jar
                      Handler: fixtures.authorizers.Echo::handleRequest
                      Runtime: java21
                      Events:
                        Keyed:
                          Type: Api
                          Properties: {RestApiId: !Ref KeyedApi, Path: /keyed, Method: GET}
                        Limited:
                          Type: Api
                          Properties: {RestApiId: !Ref KeyedApi, Path: /limited, Method: GET, Auth: {ApiKeyRequired: false}}
                        Slow:
                          Type: HttpApi
                          Properties: {ApiId: !Ref OpenApi, Path: /slow, Method: GET}
                        Fast:
                          Type: HttpApi
                          Properties: {ApiId: !Ref OpenApi, Path: /fast, Method: GET}
                        ViaAuthorizer:
                          Type: Api
                          Properties: {RestApiId: !Ref AuthorizedApi, Path: /via-authorizer, Method: GET}
                """.formatted(AUTHORIZER_KEY, TEMPLATE_KEY)); // in the order the keys appear
        Project loaded = ProjectLoader.load(template, ProjectOptions.defaults());
        faas = LocalFaas.open(RuntimeConfig.forDirectory(project).withStateDir(state),
                UnaryOperator.identity(), loaded::catalog);
        faas.addListener(invocations::add);
        TemplatePolicies policies = TemplatePolicies.from(loaded.model(), KeySources::discovered);
        store = ApiKeyStore.open(state);
        access = policies.withKeysIn(state);
        gateway = Gateway.create(GatewayConfig.defaults().withPort(0), faas).onNotice(notices::add)
                .accessPolicies(access).start();
        // a cold start under load could outlast a bucket's refill: warm the function on a route with room to spare
        assertEquals(200, status("/fast", null));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        faas.close();
    }

    private static HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway.url() + path)).GET();
        if (key != null) {
            b.header("x-api-key", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int status(String path, String key) {
        try {
            return get(path, key).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRouteThatRequiresAKeyRefusesCallersWithoutAValidOne() throws Exception {
        faas.flush();
        int before = invocations.size();
        HttpResponse<String> none = get("/keyed", null);
        assertEquals(403, none.statusCode());
        assertEquals("{\"message\":\"Forbidden\"}", none.body());
        assertEquals(403, get("/keyed", "not-a-key-anyone-made").statusCode());
        ApiKeyStore.Created stranger = store.create("stranger", List.of("Elsewhere"));
        assertEquals(403, get("/keyed", stranger.value()).statusCode(), "a key in no plan of this API");
        faas.flush();
        assertEquals(before, invocations.size(), "refusals cost no invocation");
        assertTrue(notices.stream().anyMatch(n -> n.contains("-> 403 (route GET /keyed of auth-echo, api key: no "
                + "x-api-key header)")), notices.toString());
        assertTrue(notices.stream().anyMatch(n -> n.contains("key stranger is in no usage plan of API KeyedApi")),
                notices.toString());
    }

    @Test
    void aUsagePlansThrottleRunsDryAndRefills() {
        assertEquals(200, status("/keyed", TEMPLATE_KEY));
        assertEquals(200, status("/keyed", TEMPLATE_KEY));
        assertEquals(429, status("/keyed", TEMPLATE_KEY));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> status("/keyed", TEMPLATE_KEY) == 200);
    }

    @Test
    void aQuotaIsSpentPerKeyAndKeptInTheStateFolder() throws Exception {
        ApiKeyStore.Created created = store.create("quota-user", List.of("metered")); // while the gateway runs
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> ok = get("/keyed", created.value());
            assertEquals(200, ok.statusCode(), ok.body());
            JsonNode identity = new ObjectMapper().readTree(ok.body()).path("requestContext").path("identity");
            assertEquals(created.value(), identity.path("apiKey").asText());
            assertEquals(created.key().id(), identity.path("apiKeyId").asText());
        }
        HttpResponse<String> spent = get("/keyed", created.value());
        assertEquals(429, spent.statusCode());
        assertEquals("{\"message\":\"Limit Exceeded\"}", spent.body());
        access.flush();
        KeyUsage.Entry entry = KeyUsage.read(state).get(created.key().id() + "/metered");
        assertEquals(3, entry.used());
        assertEquals(0, entry.remaining());
        assertTrue(gateway.refusalMetrics().contains("route=\"GET /keyed\",status=\"429\",reason=\"quota\"} 1"),
                gateway.refusalMetrics());
        assertTrue(Files.readString(state.resolve(ApiKeyStore.FILE)).contains(created.key().sha256()));
        assertTrue(!Files.readString(state.resolve(ApiKeyStore.FILE)).contains(created.value()), "only the hash is kept");
    }

    @Test
    void withTheAuthorizerAsKeySourceTheUsageIdentifierKeyIsTheKey() throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway.url() + "/via-authorizer")).GET();
        HttpResponse<String> ok = http.send(b.copy().header("Authorization", "key-" + AUTHORIZER_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode(), ok.body());
        JsonNode context = new ObjectMapper().readTree(ok.body()).path("requestContext");
        assertEquals(AUTHORIZER_KEY, context.path("identity").path("apiKey").asText());
        assertEquals(AUTHORIZER_KEY, context.path("authorizer").path("principalId").asText(),
                "the authorizer ran first and its context reached the function too");
        HttpResponse<String> keyless = http.send(b.copy().header("Authorization", "wild-zoe").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, keyless.statusCode());
        assertTrue(notices.stream().anyMatch(n -> n.contains("api key: the authorizer returned no usageIdentifierKey")),
                notices.toString());
        HttpResponse<String> other = http.send(b.copy().header("x-api-key", AUTHORIZER_KEY)
                .header("Authorization", "wild-zoe").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, other.statusCode(), "the header is not read when the authorizer is the key source");
    }

    @Test
    void routeSettingsThrottleEachRouteOnItsOwn() {
        assertEquals(200, status("/slow", null));
        assertEquals(429, status("/slow", null));
        assertEquals(200, status("/fast", null), "another route keeps its own bucket");
        assertEquals(200, status("/limited", null), "MethodSettings for /limited; no key needed there");
        assertEquals(429, status("/limited", null));
        assertTrue(notices.stream().anyMatch(n -> n.contains("(route GET /slow of auth-echo, route throttle rate 0.5/s "
                + "burst 1)")), notices.toString());
    }
}
