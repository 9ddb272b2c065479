package dev.localfaas.runtime.gateway.policy;

import static dev.localfaas.runtime.gateway.policy.TemplateSettings.flag;
import static dev.localfaas.runtime.gateway.policy.TemplateSettings.map;
import static dev.localfaas.runtime.gateway.policy.TemplateSettings.number;
import static dev.localfaas.runtime.gateway.policy.TemplateSettings.strings;
import static dev.localfaas.runtime.gateway.policy.TemplateSettings.text;

import dev.localfaas.runtime.config.EventSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Lambda authorizer from SAM's {@code Auth.Authorizers}: {@code FunctionArn} names the function;
 * {@code FunctionPayloadType} TOKEN or REQUEST (REST API), {@code AuthorizerPayloadFormatVersion} and
 * {@code EnableSimpleResponses} (HTTP API); {@code Identity} gives the identity sources, the TOKEN's
 * {@code ValidationExpression} and {@code ReauthorizeEvery} (the cache TTL, 300 s by default, 0 for none).
 */
final class TemplateAuthorizers {

    static final int DEFAULT_TTL_SECONDS = 300;

    private TemplateAuthorizers() {
    }

    static boolean isLambda(Map<?, ?> authorizer) {
        return authorizer.containsKey("FunctionArn");
    }

    static LambdaAuthorizer lambda(String name, Map<?, ?> authorizer, EventSource.ApiKind api) {
        String function = functionName(String.valueOf(authorizer.get("FunctionArn")));
        Map<?, ?> identity = map(authorizer.get("Identity"));
        int ttl = (int) number(identity, "ReauthorizeEvery", DEFAULT_TTL_SECONDS);
        List<String> sources = new ArrayList<>();
        LambdaAuthorizer.Kind kind;
        String prefix = api == EventSource.ApiKind.REST ? "method.request." : "$request.";
        if (api == EventSource.ApiKind.REST) {
            kind = "REQUEST".equalsIgnoreCase(text(authorizer, "FunctionPayloadType", "TOKEN"))
                    ? LambdaAuthorizer.Kind.REST_REQUEST : LambdaAuthorizer.Kind.REST_TOKEN;
            if (kind == LambdaAuthorizer.Kind.REST_TOKEN) {
                sources.add(prefix + "header." + text(identity, "Header", "Authorization"));
            }
        } else {
            kind = "1.0".equals(text(authorizer, "AuthorizerPayloadFormatVersion", "2.0"))
                    ? LambdaAuthorizer.Kind.HTTP_1_0 : LambdaAuthorizer.Kind.HTTP_2_0;
        }
        if (kind != LambdaAuthorizer.Kind.REST_TOKEN) {
            strings(identity.get("Headers")).forEach(h -> sources.add(prefix + "header." + h));
            strings(identity.get("QueryStrings")).forEach(q -> sources.add(prefix + "querystring." + q));
        }
        String validation = kind == LambdaAuthorizer.Kind.REST_TOKEN ? text(identity, "ValidationExpression", null) : null;
        return new LambdaAuthorizer(name, function, kind, new IdentitySources(sources), validation,
                flag(authorizer, "EnableSimpleResponses"), Duration.ofSeconds(ttl));
    }

    /** {@code arn:aws:lambda:us-east-1:123456789012:function:auth} (or a bare name) to {@code auth}. */
    static String functionName(String arn) {
        String[] parts = arn.split(":");
        int at = java.util.Arrays.asList(parts).indexOf("function");
        return at >= 0 && at + 1 < parts.length ? parts[at + 1] : parts[parts.length - 1];
    }
}
