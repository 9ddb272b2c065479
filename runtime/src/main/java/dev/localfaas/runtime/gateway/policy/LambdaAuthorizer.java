package dev.localfaas.runtime.gateway.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.execution.FunctionInvoker;
import dev.localfaas.runtime.execution.Invocation;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.Trigger;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A Lambda authorizer, run as API Gateway runs it: a function like any other (invoked through the engine, so it is
 * metered, logged and cold-started) given a TOKEN or REQUEST event, whose answer (an IAM policy, or an HTTP API
 * simple response) is cached by identity for the TTL and judged against each request's ARN. Missing identity: 401
 * without invoking; {@code Unauthorized} thrown: 401; deny: 403; a failure, a timeout or an answer API Gateway
 * cannot read: 500.
 *
 * @see AuthorizerAnswer
 */
public final class LambdaAuthorizer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CACHE_LIMIT = 10_000;

    /** Which API and event the authorizer is written for. */
    public enum Kind {
        /** REST API, {@code FunctionPayloadType: TOKEN}: the token alone, and the method ARN. */
        REST_TOKEN,
        /** REST API, {@code FunctionPayloadType: REQUEST}: the request as a payload 1.0 event, without its body. */
        REST_REQUEST,
        /** HTTP API, {@code AuthorizerPayloadFormatVersion: 1.0}. */
        HTTP_1_0,
        /** HTTP API, {@code AuthorizerPayloadFormatVersion: 2.0}. */
        HTTP_2_0;

        boolean rest() {
            return this == REST_TOKEN || this == REST_REQUEST;
        }
    }

    private final String name;
    private final String function;
    private final Kind kind;
    private final IdentitySources identity;
    private final Pattern validation;
    private final boolean simpleResponses;
    private final long ttlMillis;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(AuthorizerAnswer answer, long expiresAt) {
    }

    /**
     * @param validationExpression TOKEN only: a token not matching it is refused (401) without invoking; null for none
     * @param ttl                  how long an answer is reused for the same identity; zero turns caching off
     */
    public LambdaAuthorizer(String name, String function, Kind kind, IdentitySources identity,
                            String validationExpression, boolean simpleResponses, Duration ttl) {
        if (kind == Kind.REST_TOKEN && identity.sources().size() != 1) {
            throw new IllegalArgumentException("authorizer " + name + ": a TOKEN authorizer takes one header as its "
                    + "identity source");
        }
        if (simpleResponses && kind != Kind.HTTP_2_0) {
            throw new IllegalArgumentException("authorizer " + name + ": EnableSimpleResponses needs "
                    + "AuthorizerPayloadFormatVersion 2.0");
        }
        this.name = name;
        this.function = function;
        this.kind = kind;
        this.identity = identity;
        this.validation = validationExpression == null ? null : Pattern.compile(validationExpression);
        this.simpleResponses = simpleResponses;
        this.ttlMillis = identity.isEmpty() ? 0 : ttl.toMillis();
    }

    public String name() {
        return name;
    }

    public String function() {
        return function;
    }

    /** Decides on {@code request} (routed, with its ARN), invoking the authorizer unless its answer is cached. */
    public CompletableFuture<Decision> check(PolicyRequest request, String arn, FunctionInvoker invoker) {
        String rule = "lambda authorizer " + name + ": ";
        Optional<List<String>> values = identity.values(request);
        if (values.isEmpty()) {
            return CompletableFuture.completedFuture(Decision.unauthorized(rule + "no " + identity));
        }
        if (validation != null && !validation.matcher(values.get().get(0)).matches()) {
            return CompletableFuture.completedFuture(Decision.unauthorized(rule + "token does not match "
                    + validation.pattern()));
        }
        String cacheKey = String.join("\n", values.get());
        Cached hit = ttlMillis > 0 ? cache.get(cacheKey) : null;
        if (hit != null && hit.expiresAt() > System.currentTimeMillis()) {
            return CompletableFuture.completedFuture(judge(hit.answer(), arn, rule + "(cached) "));
        }
        byte[] event = event(request, arn, values.get());
        long started = System.nanoTime();
        CompletableFuture<InvocationResult> invoked;
        try {
            invoked = invoker.invokeAsync(function, Invocation.of(event, Trigger.HTTP, "authorizer " + name));
        } catch (RuntimeException e) { // no such function (an ARN outside the project): API Gateway's 500
            return CompletableFuture.completedFuture(error(rule + "cannot invoke " + function + ": " + e.getMessage()));
        }
        return invoked.handle((result, failure) -> {
                    if (failure != null) {
                        return error(rule + "cannot invoke " + function + ": " + failure.getMessage());
                    }
                    return answered(result, arn, rule, cacheKey, (System.nanoTime() - started) / 1_000_000);
                });
    }

    private Decision answered(InvocationResult result, String arn, String rule, String cacheKey, long latencyMs) {
        if (result.outcome() != Outcome.OK) {
            String message = errorMessage(result.payload());
            if (result.outcome() == Outcome.ERROR && "Unauthorized".equals(message)) {
                return Decision.unauthorized(rule + "the function said Unauthorized");
            }
            return error(rule + function + " " + result.outcome().id() + (message == null ? "" : ": " + message));
        }
        AuthorizerAnswer answer;
        try {
            answer = AuthorizerAnswer.parse(result.payload(), simpleResponses, kind.rest());
        } catch (IllegalArgumentException e) {
            return error(rule + e.getMessage());
        }
        if (ttlMillis > 0) {
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(cacheKey, new Cached(answer, System.currentTimeMillis() + ttlMillis));
        }
        Decision d = judge(answer, arn, rule);
        if (d.allowed() && kind.rest()) {
            d.lambda().put("integrationLatency", latencyMs);
        }
        return d;
    }

    private Decision judge(AuthorizerAnswer answer, String arn, String rule) {
        switch (answer.judge(arn)) {
            case EXPLICIT_DENY:
                return kind.rest() ? Decision.refused(403, "{\"Message\":\"User is not authorized to access this "
                        + "resource with an explicit deny\"}", rule + "policy denies " + arn)
                        : Decision.forbidden(rule + "policy denies " + arn);
            case IMPLICIT_DENY:
                String why = answer.simple() != null ? "isAuthorized false" : "no statement allows " + arn;
                return kind.rest() ? Decision.refused(403, "{\"Message\":\"User is not authorized to access this "
                        + "resource\"}", rule + why) : Decision.forbidden(rule + why);
            default:
                Map<String, Object> authorizer = new LinkedHashMap<>();
                if (answer.principalId() != null) {
                    authorizer.put("principalId", answer.principalId());
                }
                authorizer.putAll(answer.context());
                Decision allowed = Decision.allowLambda(authorizer);
                return answer.usageIdentifierKey() == null ? allowed
                        : allowed.withApiKey(new ApiKey(null, null, answer.usageIdentifierKey()));
        }
    }

    /** API Gateway's 500: a REST API answers {@code {"message": null}}, an HTTP API "Internal Server Error". */
    private Decision error(String rule) {
        return kind.rest() ? Decision.refused(500, "{\"message\":null}", rule)
                : new Decision(500, "Internal Server Error", rule, Map.of(), null);
    }

    private byte[] event(PolicyRequest request, String arn, List<String> values) {
        try {
            if (kind == Kind.REST_TOKEN) {
                ObjectNode token = JSON.createObjectNode().put("type", "TOKEN")
                        .put("authorizationToken", values.get(0)).put("methodArn", arn);
                return JSON.writeValueAsBytes(token);
            }
            String version = kind == Kind.HTTP_2_0 ? "2.0" : "1.0";
            JsonNode parsed = JSON.readTree(request.event().apply(version));
            ObjectNode event = JSON.createObjectNode();
            if (kind != Kind.REST_REQUEST) {
                event.put("version", version);
            }
            event.put("type", "REQUEST");
            if (kind == Kind.HTTP_2_0) {
                event.put("routeArn", arn);
                values.forEach(event.putArray("identitySource")::add);
            } else {
                event.put("methodArn", arn);
                if (kind == Kind.HTTP_1_0) {
                    event.put("identitySource", String.join(",", values));
                    event.put("authorizationToken", String.join(",", values));
                }
            }
            parsed.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("body") && !f.getKey().equals("isBase64Encoded") && !event.has(f.getKey())) {
                    event.set(f.getKey(), f.getValue());
                }
            });
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException("cannot build the authorizer event: " + e.getMessage(), e);
        }
    }

    private static String errorMessage(byte[] payload) {
        try {
            JsonNode node = payload == null ? null : JSON.readTree(payload);
            return node != null && node.hasNonNull("errorMessage") ? node.get("errorMessage").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
