package dev.localfaas.runtime.gateway;

import dev.localfaas.runtime.execution.FunctionInvoker;
import dev.localfaas.runtime.execution.Invocation;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.execution.UnknownFunctionException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import dev.localfaas.runtime.gateway.policy.AccessPolicies;
import dev.localfaas.runtime.gateway.policy.AuthorizerContext;
import dev.localfaas.runtime.gateway.policy.CorsRule;
import dev.localfaas.runtime.gateway.policy.Decision;
import dev.localfaas.runtime.gateway.policy.PolicyRequest;
import dev.localfaas.runtime.gateway.policy.RoutePolicy;
import dev.localfaas.runtime.gateway.upstream.Upstreams;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An HTTP request to a function route, handled as API Gateway's Lambda proxy integration does: route, build the
 * event in the function's payload format, invoke, and map the response or the failure to HTTP.
 */
final class HttpTriggerHandler implements HttpHandler {

    /** Set when the route's API answers CORS itself: HTTP API then drops the function's own CORS headers. */
    private static final io.undertow.util.AttachmentKey<Boolean> GATEWAY_CORS = io.undertow.util.AttachmentKey.create(Boolean.class);

    private final Supplier<Router> router;
    private final FunctionInvoker invoker;
    private final ApiGatewayContext api;
    private final Consumer<String> notices;
    private final Supplier<AccessPolicies> policies;
    private final InvocationCounts refusals;
    private Supplier<Upstreams> upstreams = () -> Upstreams.NONE;

    HttpTriggerHandler(Supplier<Router> router, FunctionInvoker invoker, ApiGatewayContext api, Consumer<String> notices) {
        this(router, invoker, api, notices, () -> AccessPolicies.NONE, new InvocationCounts());
    }

    HttpTriggerHandler(Supplier<Router> router, FunctionInvoker invoker, ApiGatewayContext api, Consumer<String> notices,
                       Supplier<AccessPolicies> policies, InvocationCounts refusals) {
        this.router = router;
        this.invoker = invoker;
        this.api = api;
        this.notices = notices;
        this.policies = policies;
        this.refusals = refusals;
    }

    /** Where routes whose integration is an HTTP service go, once access policies let a request through. */
    HttpTriggerHandler upstreams(Supplier<Upstreams> upstreams) {
        this.upstreams = upstreams;
        return this;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        IncomingRequest request = IncomingRequest.from(exchange, FullBodyHandler.body(exchange));
        AccessPolicies access = policies.get();
        PolicyRequest asked = access.open() ? null
                : new PolicyRequest(request.method(), request.path(), request.sourceIp(), request::header);
        if (asked != null && CorsRule.isPreflight(asked) && preflight(exchange, asked, access)) {
            return;
        }
        Optional<RouteMatch> found = router.get().match(request.method(), request.path());
        if (found.isEmpty()) {
            Responses.message(exchange, 404, "Not Found");
            return;
        }
        RouteMatch match = found.get();
        RoutePolicy policy = asked == null ? RoutePolicy.OPEN : access.forRoute(match.target(), match.routeKey());
        if (policy.mayBlock() && exchange.isInIoThread()) {
            // an issuer's keys may have to be fetched: not on the IO thread, and still guarded against our own bugs
            exchange.dispatch(() -> {
                try {
                    handleRequest(exchange);
                } catch (RuntimeException e) {
                    notices.accept("gateway: " + request.method() + " " + request.path() + " failed inside localfaas: " + e);
                    Responses.failed(exchange);
                }
            });
            return;
        }
        Decision admitted = asked == null ? Decision.ALLOW : access.admit();
        Decision decision = admitted.allowed() ? policy.authorize(asked) : admitted;
        addHeaders(exchange, policy.responseHeaders(asked));
        if (policy.cors() != null) {
            exchange.putAttachment(GATEWAY_CORS, true);
        }
        if (!decision.allowed()) {
            // refused before any function runs: no invocation, nothing metered, as API Gateway bills it
            notices.accept("gateway: refused " + request.method() + " " + request.path() + " from "
                    + request.sourceIp() + " -> " + decision.status() + " (route " + match.routeKey() + " of "
                    + (match.upstream() != null ? "upstream " : "") + match.target() + ", " + decision.rule() + ")");
            refusals.refused(match.target(), decision.status());
            Responses.message(exchange, decision.status(), decision.message());
            return;
        }
        if (match.upstream() != null) {
            try {
                upstreams.get().proxy(match.upstream(), exchange, match.pathParameters(), FullBodyHandler.body(exchange));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        PayloadFormat format = PayloadFormat.of(match);
        String apiRequestId = format.newRequestId();
        exchange.getResponseHeaders().put(HttpString.tryFromString(format.requestIdHeader()), apiRequestId);
        byte[] event = format.event(request, match, api, apiRequestId);
        if (decision.authorized()) {
            event = AuthorizerContext.inject(event, format.version(), decision);
        }
        CompletableFuture<InvocationResult> answer;
        try {
            answer = invoker.invokeAsync(match.function().name(), Invocation.of(event, Trigger.HTTP, format.version()));
        } catch (UnknownFunctionException e) {
            Responses.message(exchange, 404, "Not Found"); // removed by a reload while this request was routed
            return;
        }
        // Keep the exchange open until the function answers, on whichever thread that is.
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> answer.whenComplete((result, failure) -> {
            try {
                if (failure != null) {
                    throw failure;
                }
                answer(exchange, request, match, format, result);
            } catch (Throwable t) {
                notices.accept("gateway: " + request.method() + " " + request.path() + " failed inside localfaas: " + t);
                Responses.failed(exchange);
            }
        }));
    }

    /** HTTP API answers a CORS preflight itself (204) when the route the browser asks about has a CORS rule. */
    private boolean preflight(HttpServerExchange exchange, PolicyRequest asked, AccessPolicies access) {
        String method = asked.header("Access-Control-Request-Method").orElse("").trim().toUpperCase(java.util.Locale.ROOT);
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

    private void answer(HttpServerExchange exchange, IncomingRequest request, RouteMatch match, PayloadFormat format,
                        InvocationResult result) {
        switch (result.outcome()) {
            case OK -> respond(exchange, request, match, format, result);
            case ERROR -> Responses.message(exchange, 502, "Internal server error");
            case TIMEOUT -> Responses.message(exchange, 504, "Endpoint request timed out");
            case THROTTLED -> Responses.message(exchange, 429, "Too Many Requests");
        }
    }

    private void respond(HttpServerExchange exchange, IncomingRequest request, RouteMatch match, PayloadFormat format,
                         InvocationResult result) {
        ProxyResponse response;
        try {
            response = format.response(result.payload());
        } catch (MalformedResponseException e) {
            notices.accept(match.function().name() + ": " + request.method() + " " + request.path()
                    + " -> 502: API Gateway would refuse this payload " + format.version() + " response: "
                    + e.getMessage());
            Responses.message(exchange, 502, "Internal server error");
            return;
        }
        if (exchange.getAttachment(GATEWAY_CORS) != null) {
            response = new ProxyResponse(response.status(), response.headers().stream()
                    .filter(h -> !h.name().regionMatches(true, 0, "access-control-", 0, 15)).toList(), response.body());
        }
        Responses.proxy(exchange, response);
    }
}
