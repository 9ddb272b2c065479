package dev.localfaas.runtime.config.serverless;

import dev.localfaas.runtime.config.ConfigError;
import dev.localfaas.runtime.config.Nodes;
import dev.localfaas.runtime.config.yaml.Position;
import dev.localfaas.runtime.config.yaml.YamlList;
import dev.localfaas.runtime.config.yaml.YamlMap;
import dev.localfaas.runtime.config.yaml.YamlNode;
import dev.localfaas.runtime.config.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@code serverless.yml}'s access settings as the SAM they deploy as, so the gateway reads one model:
 * {@code provider.httpApi.authorizers} (type jwt or request) and {@code cors} become {@code Globals.HttpApi.Auth}
 * and {@code CorsConfiguration}; an {@code httpApi} event's {@code authorizer: {name, scopes}} its {@code Auth};
 * an {@code http} event's {@code authorizer} (a function of the service, TOKEN or REQUEST) goes to
 * {@code Globals.Api.Auth} and {@code private: true} is {@code ApiKeyRequired}; {@code provider.apiGateway.apiKeys}
 * and {@code usagePlan} become {@code AWS::ApiGateway::ApiKey}, {@code UsagePlan} and {@code UsagePlanKey}.
 */
final class ServerlessAccess {

    private final YamlMap provider;
    /** A function's key in {@code functions:} to the name it deploys as. */
    private final Function<String, String> deployedName;
    private final String region;
    private final String account;
    private final Map<String, YamlNode> restAuthorizers = new LinkedHashMap<>();

    ServerlessAccess(YamlMap provider, Function<String, String> deployedName, String region, String account) {
        this.provider = provider;
        this.deployedName = deployedName;
        this.region = region;
        this.account = account;
    }

    /** The SAM {@code Auth} of an {@code http}/{@code httpApi} event, or null when it has none. */
    YamlNode eventAuth(String type, YamlMap event, Position at) {
        Map<String, YamlNode> auth = new LinkedHashMap<>();
        YamlNode authorizer = event.get("authorizer").orElse(null);
        if (authorizer != null) {
            if (type.equals("httpApi")) {
                YamlMap a = authorizer instanceof YamlMap m ? m : Nodes.mapOf(Map.of("name", authorizer), at);
                auth.put("Authorizer", a.get("name").orElseThrow(() -> new ConfigError(at, "httpApi authorizer has no "
                        + "name; name one of provider.httpApi.authorizers")));
                a.get("scopes").ifPresent(s -> auth.put("AuthorizationScopes", s));
            } else {
                auth.put("Authorizer", YamlScalar.of(restAuthorizer(authorizer, at), at));
            }
        }
        if (type.equals("http") && event.get("private").map(p -> Nodes.text(p, "private")).orElse("false").equals("true")) {
            auth.put("ApiKeyRequired", YamlScalar.of("true", at));
        }
        return auth.isEmpty() ? null : Nodes.mapOf(auth, at);
    }

    /** A REST authorizer: {@code authorizer: fnKey} or {@code {name, type, identitySource, resultTtlInSeconds, ...}}. */
    private String restAuthorizer(YamlNode node, Position at) {
        YamlMap a = node instanceof YamlMap m ? m : Nodes.mapOf(Map.of("name", node), at);
        String name = Nodes.optText(a, "name").orElseThrow(() -> new ConfigError(at, "http authorizer has no name; "
                + "name a function of this service"));
        String type = Nodes.optText(a, "type").orElse("token").toUpperCase(java.util.Locale.ROOT);
        Map<String, YamlNode> identity = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        a.get("identitySource").ifPresent(s -> sources.addAll(List.of(Nodes.text(s, "identitySource").split("\\s*,\\s*"))));
        if (type.equals("TOKEN")) {
            String header = sources.isEmpty() ? "Authorization" : sources.get(0).replace("method.request.header.", "");
            identity.put("Header", YamlScalar.of(header, at));
            a.get("identityValidationExpression").ifPresent(v -> identity.put("ValidationExpression", v));
        } else {
            identity.put("Headers", list(sources, "method.request.header.", at));
            identity.put("QueryStrings", list(sources, "method.request.querystring.", at));
        }
        identity.put("ReauthorizeEvery", a.get("resultTtlInSeconds").orElse(YamlScalar.of("300", at)));
        Map<String, YamlNode> authorizer = new LinkedHashMap<>();
        authorizer.put("FunctionArn", YamlScalar.of(a.get("arn").map(n -> Nodes.text(n, "arn"))
                .orElse(arn(deployedName.apply(name))), at));
        authorizer.put("FunctionPayloadType", YamlScalar.of(type, at));
        authorizer.put("Identity", Nodes.mapOf(identity, at));
        restAuthorizers.put(name, Nodes.mapOf(authorizer, at));
        return name;
    }

    /** {@code Globals} holding the implicit APIs' Auth and Cors; empty when the file declares none. */
    Map<String, YamlNode> globals(Position at) {
        Map<String, YamlNode> globals = new LinkedHashMap<>();
        YamlMap httpApi = section(provider, "httpApi");
        Map<String, YamlNode> http = new LinkedHashMap<>();
        Map<String, YamlNode> authorizers = new LinkedHashMap<>();
        section(httpApi, "authorizers").entries().forEach((name, node) ->
                authorizers.put(name, httpAuthorizer(name, Nodes.map(node, "authorizer " + name))));
        if (!authorizers.isEmpty()) {
            http.put("Auth", Nodes.mapOf(Map.of("Authorizers", Nodes.mapOf(authorizers, at)), at));
        }
        httpApi.get("cors").ifPresent(c -> http.put("CorsConfiguration", cors(c)));
        if (!http.isEmpty()) {
            globals.put("HttpApi", Nodes.mapOf(http, at));
        }
        if (!restAuthorizers.isEmpty()) {
            globals.put("Api", Nodes.mapOf(Map.of("Auth", Nodes.mapOf(Map.of("Authorizers",
                    Nodes.mapOf(restAuthorizers, at)), at)), at));
        }
        return globals;
    }

    private YamlNode httpAuthorizer(String name, YamlMap a) {
        Position at = a.position();
        String type = Nodes.optText(a, "type").orElse("jwt");
        List<String> sources = new ArrayList<>();
        a.get("identitySource").ifPresent(s -> (s instanceof YamlList l ? l.items() : List.of(s))
                .forEach(i -> sources.add(Nodes.text(i, "identitySource"))));
        Map<String, YamlNode> out = new LinkedHashMap<>();
        if (type.equals("jwt")) {
            out.put("IdentitySource", YamlScalar.of(sources.isEmpty() ? "$request.header.Authorization" : sources.get(0), at));
            Map<String, YamlNode> jwt = new LinkedHashMap<>();
            jwt.put("issuer", a.get("issuerUrl").orElseThrow(() -> new ConfigError(at, "jwt authorizer " + name
                    + " has no issuerUrl; add issuerUrl: https://your-issuer/")));
            a.get("audience").ifPresent(aud -> jwt.put("audience", aud));
            out.put("JwtConfiguration", Nodes.mapOf(jwt, at));
            return Nodes.mapOf(out, at);
        }
        if (!type.equals("request")) {
            throw new ConfigError(at, "authorizer " + name + " has type " + type + "; localfaas serves jwt and request "
                    + "authorizers");
        }
        String arn = a.get("functionArn").map(n -> Nodes.text(n, "functionArn")).orElseGet(() -> arn(deployedName.apply(
                Nodes.optText(a, "functionName").orElseThrow(() -> new ConfigError(at, "request authorizer " + name
                        + " has no functionName; name a function of this service")))));
        out.put("FunctionArn", YamlScalar.of(arn, at));
        out.put("AuthorizerPayloadFormatVersion", a.get("payloadVersion").orElse(YamlScalar.of("2.0", at)));
        a.get("enableSimpleResponses").ifPresent(e -> out.put("EnableSimpleResponses", e));
        Map<String, YamlNode> identity = new LinkedHashMap<>();
        identity.put("Headers", list(sources, "$request.header.", at));
        identity.put("QueryStrings", list(sources, "$request.querystring.", at));
        identity.put("ReauthorizeEvery", a.get("resultTtlInSeconds").orElse(YamlScalar.of("300", at)));
        out.put("Identity", Nodes.mapOf(identity, at));
        return Nodes.mapOf(out, at);
    }

    /** {@code provider.apiGateway.apiKeys} and {@code usagePlan} as API Gateway resources over the REST API. */
    Map<String, YamlNode> resources(Position at) {
        YamlMap apiGateway = section(provider, "apiGateway");
        Map<String, YamlNode> out = new LinkedHashMap<>();
        List<YamlNode> keys = apiGateway.get("apiKeys").map(k -> Nodes.list(k, "apiKeys")).orElse(List.of());
        if (keys.isEmpty()) {
            return out;
        }
        YamlMap plan = section(apiGateway, "usagePlan");
        Map<String, YamlNode> planProps = new LinkedHashMap<>();
        planProps.put("UsagePlanName", YamlScalar.of("ServerlessUsagePlan", at));
        planProps.put("ApiStages", new YamlList(List.of(Nodes.mapOf(Map.of("ApiId",
                YamlScalar.of("ServerlessRestApi", at)), at)), "", at));
        plan.get("quota").ifPresent(q -> planProps.put("Quota", capitalized(Nodes.map(q, "quota"))));
        plan.get("throttle").ifPresent(t -> planProps.put("Throttle", capitalized(Nodes.map(t, "throttle"))));
        out.put("ServerlessUsagePlan", resource("AWS::ApiGateway::UsagePlan", planProps, at));
        for (int i = 0; i < keys.size(); i++) {
            YamlNode k = keys.get(i);
            YamlMap key = k instanceof YamlMap m ? m : Nodes.mapOf(Map.of("name", k), k.position());
            Map<String, YamlNode> props = new LinkedHashMap<>();
            key.get("name").ifPresent(n -> props.put("Name", n));
            key.get("value").ifPresent(v -> props.put("Value", v));
            String id = "ServerlessApiKey" + (i + 1);
            out.put(id, resource("AWS::ApiGateway::ApiKey", props, at));
            out.put(id + "Plan", resource("AWS::ApiGateway::UsagePlanKey", Map.of("KeyId", YamlScalar.of(id, at),
                    "KeyType", YamlScalar.of("API_KEY", at), "UsagePlanId", YamlScalar.of("ServerlessUsagePlan", at)), at));
        }
        return out;
    }

    private String arn(String function) {
        return "arn:aws:lambda:" + region + ":" + account + ":function:" + function;
    }

    private static YamlNode resource(String type, Map<String, YamlNode> properties, Position at) {
        return Nodes.mapOf(Map.of("Type", YamlScalar.of(type, at), "Properties", Nodes.mapOf(properties, at)), at);
    }

    /** {@code {limit: 5, period: DAY}} to {@code {Limit: 5, Period: DAY}}. */
    private static YamlNode capitalized(YamlMap map) {
        Map<String, YamlNode> out = new LinkedHashMap<>();
        map.entries().forEach((k, v) -> out.put(Character.toUpperCase(k.charAt(0)) + k.substring(1), v));
        return Nodes.mapOf(out, map.position());
    }

    private static YamlNode cors(YamlNode node) {
        if (node instanceof YamlScalar) {
            return node;
        }
        YamlMap m = Nodes.map(node, "cors");
        Map<String, YamlNode> out = new LinkedHashMap<>();
        Map<String, String> names = Map.of("allowedOrigins", "AllowOrigins", "allowedHeaders", "AllowHeaders",
                "allowedMethods", "AllowMethods", "allowCredentials", "AllowCredentials",
                "exposedResponseHeaders", "ExposeHeaders", "maxAge", "MaxAge");
        m.entries().forEach((k, v) -> {
            if (names.containsKey(k)) {
                out.put(names.get(k), v);
            }
        });
        return Nodes.mapOf(out, m.position());
    }

    private static YamlNode list(List<String> sources, String prefix, Position at) {
        List<YamlNode> out = new ArrayList<>();
        sources.stream().filter(s -> s.startsWith(prefix)).forEach(s -> out.add(YamlScalar.of(s.substring(prefix.length()), at)));
        return new YamlList(out, "", at);
    }

    private static YamlMap section(YamlMap parent, String key) {
        YamlNode node = parent.get(key).orElse(null);
        return node instanceof YamlMap m ? m : Nodes.mapOf(Map.of(), node == null ? parent.position() : node.position());
    }
}
