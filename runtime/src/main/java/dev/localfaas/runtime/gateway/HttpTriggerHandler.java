package dev.localfaas.runtime.gateway;

import dev.localfaas.runtime.execution.FunctionInvoker;
import dev.localfaas.runtime.execution.Invocation;
import dev.localfaas.runtime.execution.TraceHeader;
import dev.localfaas.runtime.execution.TraceLink;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.execution.UnknownFunctionException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import dev.localfaas.runtime.gateway.policy.AuthorizerContext;
import dev.localfaas.runtime.gateway.policy.Decision;
import dev.localfaas.runtime.gateway.upstream.Upstreams;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An HTTP request to a function route, handled as API Gateway's Lambda proxy integration does: route, build the
 * event in the function's payload format, invoke, and map the response or the failure to HTTP. Access checks ran
 * before, in {@link AccessHandler}; what an authorizer verified is put in the event here.
 */
final class HttpTriggerHandler implements HttpHandler {

    private final Supplier<Router> router;
    private final FunctionInvoker invoker;
    private final ApiGatewayContext api;
    private final Consumer<String> notices;
    private Supplier<Upstreams> upstreams = () -> Upstreams.NONE;

    HttpTriggerHandler(Supplier<Router> router, FunctionInvoker invoker, ApiGatewayContext api, Consumer<String> notices) {
        this.router = router;
        this.invoker = invoker;
        this.api = api;
        this.notices = notices;
    }

    /** Where routes whose integration is an HTTP service go, once access policies let a request through. */
    HttpTriggerHandler upstreams(Supplier<Upstreams> upstreams) {
        this.upstreams = upstreams;
        return this;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        IncomingRequest request = exchange.getAttachment(AccessHandler.REQUEST);
        if (request == null) {
            request = IncomingRequest.from(exchange, FullBodyHandler.body(exchange));
        }
        Optional<RouteMatch> found = router.get().match(request.method(), request.path());
        if (found.isEmpty()) {
            Responses.message(exchange, 404, "Not Found");
            return;
        }
        RouteMatch match = found.get();
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
        // API Gateway continues the caller's X-Ray trace, or starts one, and says which in the response
        TraceLink trace = TraceLink.direct(exchange.getRequestHeaders().getFirst(TraceHeader.HTTP_HEADER));
        exchange.getResponseHeaders().put(HttpString.tryFromString(TraceHeader.HTTP_HEADER), "Root=" + trace.header().root());
        byte[] event = format.event(request, match, api, apiRequestId);
        Decision decision = exchange.getAttachment(AccessHandler.DECISION);
        if (decision != null && (decision.authorized() || decision.apiKey() != null)) {
            event = AuthorizerContext.inject(event, format.version(), decision);
        }
        CompletableFuture<InvocationResult> answer;
        try {
            answer = invoker.invokeAsync(match.function().name(),
                    Invocation.of(event, Trigger.HTTP, format.version()).withTrace(trace));
        } catch (UnknownFunctionException e) {
            Responses.message(exchange, 404, "Not Found"); // removed by a reload while this request was routed
            return;
        }
        IncomingRequest asked = request;
        // Keep the exchange open until the function answers, on whichever thread that is.
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> answer.whenComplete((result, failure) -> {
            try {
                if (failure != null) {
                    throw failure;
                }
                answer(exchange, asked, match, format, result);
            } catch (Throwable t) {
                notices.accept("gateway: " + asked.method() + " " + asked.path() + " failed inside localfaas: " + t);
                Responses.failed(exchange);
            }
        }));
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
        if (exchange.getAttachment(AccessHandler.GATEWAY_CORS) != null) {
            response = new ProxyResponse(response.status(), response.headers().stream()
                    .filter(h -> !h.name().regionMatches(true, 0, "access-control-", 0, 15)).toList(), response.body());
        }
        Responses.proxy(exchange, response);
    }
}
