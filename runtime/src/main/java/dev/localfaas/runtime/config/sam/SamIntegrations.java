package dev.localfaas.runtime.config.sam;

import dev.localfaas.runtime.config.Nodes;
import dev.localfaas.runtime.config.Problems;
import dev.localfaas.runtime.config.UpstreamResource;
import dev.localfaas.runtime.config.yaml.YamlMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code AWS::ApiGatewayV2::Integration}s of type HTTP_PROXY and the {@code AWS::ApiGatewayV2::Route}s that target
 * them ({@code Target: !Sub integrations/${OrdersIntegration}}), read as upstreams. Other integration types and
 * routes to them stay "not emulated", as before.
 */
final class SamIntegrations {

    static final String TARGETS = "x-localfaas-targets";

    private final SamTemplateReader template;
    private final Map<String, YamlMap> integrations = new LinkedHashMap<>();
    private final Map<String, List<String>> routeKeys = new LinkedHashMap<>();
    private final Map<String, YamlMap> routes = new LinkedHashMap<>();
    private final List<UpstreamResource> openApi = new ArrayList<>();

    SamIntegrations(SamTemplateReader template) {
        this.template = template;
    }

    /** Keeps an HTTP_PROXY integration; says false for another type, which is then listed as not emulated. */
    boolean integration(String id, YamlMap resource) {
        YamlMap p = Nodes.map(template.resolve(SamTemplateReader.properties(resource)), "Properties");
        String type = Nodes.optText(p, "IntegrationType").orElse("");
        if (!type.equalsIgnoreCase("HTTP_PROXY")) {
            return false;
        }
        integrations.put(id, resource);
        return true;
    }

    void route(String id, YamlMap resource) {
        routes.put(id, resource);
    }

    /**
     * The {@code http_proxy} operations of an API's OpenAPI {@code DefinitionBody}
     * ({@code x-amazon-apigateway-integration: {type: http_proxy, uri: ...}}), each an upstream named
     * {@code ApiId METHOD /path}; the local extension sits in the integration object beside {@code uri}.
     */
    void definitionBody(String apiId, YamlMap resource) {
        YamlMap p = Nodes.map(template.resolve(SamTemplateReader.properties(resource)), "Properties");
        if (!(p.get("DefinitionBody").orElse(null) instanceof YamlMap definition)) {
            return;
        }
        SamTemplateReader.section(definition, "paths").entries().forEach((path, node) -> {
            if (!(node instanceof YamlMap operations)) {
                return;
            }
            operations.entries().forEach((method, op) -> {
                if (!(op instanceof YamlMap operation)
                        || !(operation.get("x-amazon-apigateway-integration").orElse(null) instanceof YamlMap i)
                        || !Nodes.optText(i, "type").orElse("").equalsIgnoreCase("http_proxy")) {
                    return;
                }
                String verb = method.equals("x-amazon-apigateway-any-method") ? "ANY" : method.toUpperCase(Locale.ROOT);
                String key = verb + " " + path;
                problems(apiId, () -> openApi.add(new UpstreamResource(apiId + " " + key, List.of(key),
                        Nodes.optText(i, "uri").orElseThrow(() -> new dev.localfaas.runtime.config.ConfigError(
                                i.position(), "the http_proxy integration of " + key + " has no uri; add one such as"
                                        + " uri: http://127.0.0.1:8081/{proxy}")),
                        targets(i), settings(i), i.position())));
            });
        });
    }

    private void problems(String id, Runnable read) {
        template.problems().guard(id, null, () -> {
            read.run();
            return null;
        });
    }

    /** The upstreams; routes to integrations that are not HTTP_PROXY go to {@code notEmulated}. */
    List<UpstreamResource> upstreams(List<String> notEmulated, Problems problems) {
        Map<String, String> byTarget = new LinkedHashMap<>();
        integrations.forEach((id, r) -> byTarget.put("integrations/" + template.scope().name(id, r.position()), id));
        routes.forEach((id, resource) -> problems.guard(id, null, () -> {
            YamlMap p = Nodes.map(template.resolve(SamTemplateReader.properties(resource)), "Properties");
            String target = Nodes.optText(p, "Target").orElse("");
            String integration = byTarget.get(target);
            if (integration == null) {
                notEmulated.add(id + " (AWS::ApiGatewayV2::Route)");
                return null;
            }
            String key = Nodes.optText(p, "RouteKey").orElseThrow(() -> new dev.localfaas.runtime.config.ConfigError(
                    resource.position(), "the route has no RouteKey; add one such as RouteKey: ANY /orders/{proxy+}"));
            routeKeys.computeIfAbsent(integration, k -> new ArrayList<>()).add(key);
            return null;
        }));
        List<UpstreamResource> upstreams = new ArrayList<>();
        integrations.forEach((id, resource) -> problems.guard(id, null, () -> {
            YamlMap p = Nodes.map(template.resolve(SamTemplateReader.properties(resource)), "Properties");
            String uri = Nodes.optText(p, "IntegrationUri").orElseThrow(() -> new dev.localfaas.runtime.config.ConfigError(
                    resource.position(), "an HTTP_PROXY integration needs an IntegrationUri; add one such as"
                            + " IntegrationUri: http://127.0.0.1:8081/{proxy}"));
            YamlMap metadata = SamTemplateReader.section(resource, "Metadata");
            List<String> targets = targets(metadata);
            Map<String, Object> settings = settings(metadata);
            List<String> keys = routeKeys.getOrDefault(id, List.of());
            if (keys.isEmpty()) {
                template.problems().add(resource.position(), id, "no AWS::ApiGatewayV2::Route targets this"
                        + " integration; add a route with Target: !Sub integrations/${" + id + "}");
                return null;
            }
            upstreams.add(new UpstreamResource(id, keys, uri, targets, settings, resource.position()));
            return null;
        }));
        upstreams.addAll(openApi);
        return upstreams;
    }

    private List<String> targets(YamlMap extensions) {
        List<String> targets = new ArrayList<>();
        extensions.get(TARGETS).ifPresent(t -> Nodes.listOrOne(template.resolve(t))
                .forEach(n -> targets.add(Nodes.text(n, TARGETS))));
        return targets;
    }

    private Map<String, Object> settings(YamlMap extensions) {
        Map<String, Object> settings = new LinkedHashMap<>();
        extensions.entries().forEach((k, v) -> {
            if (k.toLowerCase(Locale.ROOT).startsWith("x-localfaas-") && !k.equals(TARGETS)) {
                settings.put(k, Nodes.plain(template.resolve(v)));
            }
        });
        return settings;
    }

}
