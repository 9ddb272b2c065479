package dev.localfaas.runtime.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.config.ProjectLoader;
import dev.localfaas.runtime.config.ProjectModel;
import dev.localfaas.runtime.config.ProjectOptions;
import dev.localfaas.runtime.function.HttpRoute;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two ways a SAM template declares an HTTP proxy route, read into upstreams. */
class TemplateUpstreamsTest {

    @TempDir
    Path tmp;

    private ProjectModel model(String template) throws Exception {
        Path file = tmp.resolve("template.yaml");
        Files.writeString(file, template);
        return ProjectLoader.load(file, ProjectOptions.defaults()).model();
    }

    @Test
    void anIntegrationResourceWithItsRoutesAndTheLocalExtension() throws Exception {
        List<UpstreamSpec> specs = TemplateUpstreams.specs(model("""
                Resources:
                  Orders:
                    Type: AWS::ApiGatewayV2::Integration
                    Metadata:
                      x-localfaas-targets: [http://127.0.0.1:8081;weight=3, http://127.0.0.1:8082]
                      x-localfaas-health-check: {Path: /health, Interval: 2s, Timeout: 1s, HealthyThreshold: 3, UnhealthyThreshold: 4}
                      x-localfaas-balance: least-requests
                    Properties:
                      ApiId: api
                      IntegrationType: HTTP_PROXY
                      IntegrationUri: https://orders.example.com/v1/{proxy}
                  OrdersRoute:
                    Type: AWS::ApiGatewayV2::Route
                    Properties:
                      ApiId: api
                      RouteKey: ANY /orders/{proxy+}
                      Target: !Join [/, [integrations, !Ref Orders]]
                  Fallback:
                    Type: AWS::ApiGatewayV2::Route
                    Properties:
                      ApiId: api
                      RouteKey: $default
                      Target: !Sub integrations/${Orders}
                """));
        UpstreamSpec s = specs.get(0);
        assertEquals("Orders", s.name());
        assertEquals(List.of(new HttpRoute("ANY", "/orders/{proxy+}"), new HttpRoute("ANY", "/"),
                new HttpRoute("ANY", "/{proxy+}")), s.routes());
        assertEquals(List.of("http://127.0.0.1:8081;weight=3", "http://127.0.0.1:8082"),
                s.targets().stream().map(t -> t.url() + (t.weight() == 1 ? "" : ";weight=" + t.weight())).toList());
        assertEquals(new HealthCheck("/health", Duration.ofSeconds(2), Duration.ofSeconds(1), 3, 4), s.health());
        assertEquals(Balancing.LEAST_REQUESTS, s.balancing());
        assertEquals("/v1/7/items", s.rewrite().apply("/orders/7/items", Map.of("proxy", "7/items")));
    }

    @Test
    void anHttpProxyOperationInAnHttpApisOpenApiDefinition() throws Exception {
        List<UpstreamSpec> specs = TemplateUpstreams.specs(model("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  ShopApi:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      DefinitionBody:
                        openapi: '3.0.1'
                        paths:
                          /pets/{petId}:
                            get:
                              x-amazon-apigateway-integration:
                                type: http_proxy
                                httpMethod: GET
                                uri: http://127.0.0.1:9000/petstore/pets/{petId}
                                payloadFormatVersion: '1.0'
                """));
        UpstreamSpec s = specs.get(0);
        assertEquals("ShopApi GET /pets/{petId}", s.name());
        assertEquals(List.of(new HttpRoute("GET", "/pets/{petId}")), s.routes());
        assertEquals("http://127.0.0.1:9000", s.targets().get(0).url().toString());
        assertEquals("/petstore/pets/7", s.rewrite().apply("/pets/7", Map.of("petId", "7")));
    }

    @Test
    void aRemoteIntegrationWithoutLocalTargetsSaysWhatToAdd() throws Exception {
        ProjectModel m = model("""
                Resources:
                  Orders:
                    Type: AWS::ApiGatewayV2::Integration
                    Properties:
                      ApiId: api
                      IntegrationType: HTTP_PROXY
                      IntegrationUri: https://orders.example.com/{proxy}
                  OrdersRoute:
                    Type: AWS::ApiGatewayV2::Route
                    Properties:
                      ApiId: api
                      RouteKey: ANY /orders/{proxy+}
                      Target: !Sub integrations/${Orders}
                """);
        String message = assertThrows(IllegalArgumentException.class, () -> TemplateUpstreams.specs(m)).getMessage();
        assertTrue(message.startsWith("template.yaml: Orders ("), message);
        assertTrue(message.endsWith("): IntegrationUri https://orders.example.com/{proxy} is not reached locally (only"
                + " http:// is proxied); list local targets under Metadata: x-localfaas-targets: [http://127.0.0.1:8081]"),
                message);
    }
}
