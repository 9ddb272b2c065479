package dev.localfaas.runtime.gateway;

import dev.localfaas.runtime.execution.FunctionInvoker;
import dev.localfaas.runtime.gateway.policy.AccessPolicies;
import dev.localfaas.runtime.gateway.policy.CorsRule;
import dev.localfaas.runtime.gateway.policy.Decision;
import dev.localfaas.runtime.gateway.policy.PolicyRequest;
import dev.localfaas.runtime.gateway.policy.RoutePolicy;
import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The gateway's access checks, one handler ahead of whatever serves the route: CORS preflights answered here, then
 * the route's policies ({@link AccessPolicies#decide}: throttles, API key, JWT or Lambda authorizer). A refusal is
 * answered here, logged with route, rule and caller, and counted; it never reaches a function, so it costs no
 * invocation. An allowed request goes on with the {@link Decision} attached for the event's
 * {@code requestContext.authorizer}.
 */
final class AccessHandler implements HttpHandler {

    /** What the policies decided, for the function's event; absent when nothing was checked. */
    static final AttachmentKey<Decision> DECISION = AttachmentKey.create(Decision.class);
    /** Set when the route's API answers CORS itself: HTTP API then drops the function's own CORS headers. */
    static final AttachmentKey<Boolean> GATEWAY_CORS = AttachmentKey.create(Boolean.class);
    /** The request as the event mappers read it, made once here and reused by the route's handler. */
    static final AttachmentKey<IncomingRequest> REQUEST = AttachmentKey.create(IncomingRequest.class);

    private final Supplier<Router> router;
    private final Supplier<AccessPolicies> policies;
    private final FunctionInvoker invoker;
    private final ApiGatewayContext api;
    private final Consumer<String> notices;
    private final RefusalCounts refusals;
    private final HttpHandler next;

    AccessHandler(Supplier<Router> router, Supplier<AccessPolicies> policies, FunctionInvoker invoker,
                  ApiGatewayContext api, Consumer<String> notices, RefusalCounts refusals, HttpHandler next) {
        this.router = router;
        this.policies = policies;
        this.invoker = invoker;
        this.api = api;
        this.notices = notices;
        this.refusals = refusals;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        AccessPolicies access = policies.get();
        if (access.open()) {
            next.handleRequest(exchange);
            return;
        }
        IncomingRequest request = exchange.getAttachment(REQUEST);
        if (request == null) {
            request = IncomingRequest.from(exchange, FullBodyHandler.body(exchange));
            exchange.putAttachment(REQUEST, request);
        }
        IncomingRequest incoming = request;
        PolicyRequest asked = new PolicyRequest(request.method(), request.path(), request.sourceIp(), request::header,
                name -> Optional.ofNullable(QueryString.parse(incoming.rawQuery()).get(name))
                        .filter(v -> !v.isEmpty()).map(v -> v.get(v.size() - 1)),
                null, version -> new byte[0]);
        if (CorsRule.isPreflight(asked) && preflight(exchange, asked, access)) {
            return;
        }
        Optional<RouteMatch> found = router.get().match(request.method(), request.path());
        if (found.isEmpty()) {
            next.handleRequest(exchange); // not a function's route: its own handler answers (404, or an upstream)
            return;
        }
        RouteMatch match = found.get();
        RoutePolicy policy = access.forRoute(match.target(), match.routeKey());
        if (policy.mayBlock() && exchange.isInIoThread()) {
            exchange.dispatch(this); // an issuer's keys may have to be fetched: not on the IO thread
            return;
        }
        addHeaders(exchange, policy.responseHeaders(asked));
        if (policy.cors() != null) {
            exchange.putAttachment(GATEWAY_CORS, true);
        }
        PolicyRequest routed = new PolicyRequest(asked.method(), asked.path(), asked.caller(), asked.headers(),
                asked.query(), new PolicyRequest.Route(match.target(), match.routeKey(), match.route().path(),
                match.pathParameters()),
                version -> {
                    PayloadFormat format = PayloadFormat.named(version).orElse(PayloadFormat.REST_1_0);
                    return format.event(incoming, match, api, format.newRequestId());
                });
        CompletableFuture<Decision> decided = access.decide(policy, routed, arn(request), invoker);
        if (decided.isDone()) {
            proceed(exchange, request, match, decided.join());
            return;
        }
        // a Lambda authorizer runs: keep the exchange open until it answers, on whichever thread that is
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> decided.whenComplete((decision, failure) ->
                Connectors.executeRootHandler(ex -> {
                    if (failure != null) {
                        notices.accept("gateway: " + incoming.method() + " " + incoming.path()
                                + " failed inside localfaas: " + failure);
                        Responses.failed(ex);
                        return;
                    }
                    proceed(ex, incoming, match, decision);
                }, exchange)));
    }

    private void proceed(HttpServerExchange exchange, IncomingRequest request, RouteMatch match, Decision decision)
            throws Exception {
        if (decision.allowed()) {
            exchange.putAttachment(DECISION, decision);
            next.handleRequest(exchange);
            return;
        }
        notices.accept("gateway: refused " + request.method() + " " + request.path() + " from "
                + request.sourceIp() + " -> " + decision.status() + " (route " + match.routeKey() + " of "
                + (match.upstream() != null ? "upstream " : "") + match.target() + ", " + decision.rule() + ")");
        refusals.refused(match.target(), match.routeKey(), decision);
        if (decision.body() != null) {
            if (decision.status() == 500) {
                exchange.getResponseHeaders().put(HttpString.tryFromString("x-amzn-ErrorType"),
                        "AuthorizerConfigurationException");
            }
            Responses.json(exchange, decision.status(), decision.body().getBytes(StandardCharsets.UTF_8));
        } else {
            Responses.message(exchange, decision.status(), decision.message());
        }
    }

    /** The request's execute-api ARN, as a Lambda authorizer's policy names it: the actual path, not the route's. */
    private String arn(IncomingRequest request) {
        return "arn:aws:execute-api:" + api.region() + ":" + api.accountId() + ":" + ApiGatewayContext.API_ID + "/"
                + ApiGatewayContext.STAGE + "/" + request.method() + request.path();
    }

    /** HTTP API answers a CORS preflight itself (204) when the route the browser asks about has a CORS rule. */
    private boolean preflight(HttpServerExchange exchange, PolicyRequest asked, AccessPolicies access) {
        String method = asked.header("Access-Control-Request-Method").orElse("").trim().toUpperCase(Locale.ROOT);
        Optional<RouteMatch> target = router.get().match(method, asked.path());
        RoutePolicy policy = target.map(m -> access.forRoute(m.target(), m.routeKey())).orElse(access.fallback());
        if (policy.cors() == null) {
            return false;
        }
        addHeaders(exchange, policy.cors().preflightHeaders(asked));
        exchange.setStatusCode(204);
        exchange.endExchange();
        return true;
    }

    private static void addHeaders(HttpServerExchange exchange, Map<String, String> headers) {
        headers.forEach((name, value) -> exchange.getResponseHeaders().put(HttpString.tryFromString(name), value));
    }
}
