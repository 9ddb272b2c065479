package dev.localfaas.runtime.gateway;

import dev.localfaas.runtime.execution.AsyncInvoker;
import dev.localfaas.runtime.execution.EventQueueFullException;
import dev.localfaas.runtime.execution.FunctionInvoker;
import dev.localfaas.runtime.execution.Invocation;
import dev.localfaas.runtime.execution.TraceHeader;
import dev.localfaas.runtime.execution.TraceLink;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.execution.UnknownFunctionException;
import dev.localfaas.runtime.function.FunctionSpec;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.util.List;
import io.undertow.util.SameThreadExecutor;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's Invoke operation, {@code POST /2015-03-31/functions/{name}/invocations}, as the AWS CLI and SDKs call
 * it: RequestResponse (200), Event (202, run by the {@link AsyncInvoker} with Lambda's retries; 429 when its queue is
 * full), DryRun (204).
 */
final class InvokeApiHandler implements HttpHandler {

    static final String LATEST = "$LATEST";
    private static final Pattern PATH = Pattern.compile("/2015-03-31/functions/(.+)/invocations/?");
    private static final HttpString FUNCTION_ERROR = new HttpString("X-Amz-Function-Error");
    private static final HttpString EXECUTED_VERSION = new HttpString("X-Amz-Executed-Version");
    private static final HttpString LOG_RESULT = new HttpString("X-Amz-Log-Result");

    private final FunctionInvoker invoker;
    private final AsyncInvoker async;
    private final ApiGatewayContext account;
    private final long maxAsyncBytes;

    InvokeApiHandler(FunctionInvoker invoker, AsyncInvoker async, ApiGatewayContext account, long maxAsyncBytes) {
        this.invoker = invoker;
        this.async = async;
        this.account = account;
        this.maxAsyncBytes = maxAsyncBytes;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String requestId = Invocation.newRequestId();
        Matcher path = PATH.matcher(exchange.getRequestPath());
        if (!exchange.getRequestMethod().equalToString("POST") || !path.matches()) {
            InvokeApiError.UNSUPPORTED_OPERATION.send(exchange, requestId, "localfaas implements Invoke "
                    + "(POST /2015-03-31/functions/{name}/invocations) and, with the AWS APIs, ListFunctions, GetFunction"
                    + " and GetFunctionConfiguration; not " + exchange.getRequestMethod() + " "
                    + exchange.getRequestPath());
            return;
        }
        FunctionReference ref;
        try {
            ref = FunctionReference.parse(path.group(1), first(exchange, "Qualifier"));
        } catch (FunctionReference.InvalidReference e) {
            InvokeApiError.INVALID_PARAMETER_VALUE.send(exchange, requestId, e.getMessage());
            return;
        }
        Optional<InvocationType> type = InvocationType.parse(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"));
        String logType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Log-Type")).orElse("None");
        if (type.isEmpty() || !List.of("None", "Tail").contains(logType)) {
            InvokeApiError.INVALID_PARAMETER_VALUE.send(exchange, requestId, type.isEmpty()
                    ? "1 validation error detected: Value at 'invocationType' failed to satisfy constraint: "
                      + "Member must satisfy enum value set: [Event, RequestResponse, DryRun]"
                    : "1 validation error detected: Value '" + logType + "' at 'logType' failed to satisfy "
                      + "constraint: Member must satisfy enum value set: [None, Tail]");
            return;
        }
        Optional<FunctionSpec> function = invoker.function(ref.name())
                .filter(f -> invoker.resolves(f.name(), ref.qualifier().orElse(null)));
        if (function.isEmpty()) {
            InvokeApiError.RESOURCE_NOT_FOUND.send(exchange, requestId, "Function not found: " + ref.arn(account));
            return;
        }
        byte[] payload = InvokePayload.orEmptyObject(FullBodyHandler.body(exchange));
        if (type.get() == InvocationType.EVENT && payload.length > maxAsyncBytes) {
            InvokeApiError.REQUEST_TOO_LARGE.send(exchange, requestId, "Request must be smaller than "
                    + maxAsyncBytes + " bytes for the InvokeFunction operation with InvocationType Event");
            return;
        }
        Optional<String> problem = InvokePayload.jsonProblem(payload);
        if (problem.isPresent()) {
            InvokeApiError.INVALID_REQUEST_CONTENT.send(exchange, requestId,
                    "Could not parse request body into json: Could not parse payload into json: " + problem.get());
            return;
        }
        String clientContext;
        try {
            clientContext = InvokePayload.clientContext(exchange.getRequestHeaders().getFirst("X-Amz-Client-Context"))
                    .orElse(null);
        } catch (IllegalArgumentException e) {
            InvokeApiError.INVALID_REQUEST_CONTENT.send(exchange, requestId, e.getMessage());
            return;
        }
        TraceLink trace = TraceLink.direct(exchange.getRequestHeaders().getFirst(TraceHeader.HTTP_HEADER));
        Invocation invocation = new Invocation(payload, Trigger.INVOKE, requestId, clientContext,
                ref.qualifier().orElse(null), null, trace);
        exchange.getResponseHeaders().put(HttpString.tryFromString(TraceHeader.HTTP_HEADER), "Root=" + trace.header().root());
        exchange.getResponseHeaders().put(InvokeApiError.REQUEST_ID, requestId);
        switch (type.get()) {
            case DRY_RUN -> respondEmpty(exchange, InvocationType.DRY_RUN.status());
            case EVENT -> {
                try {
                    async.submit(function.get().name(), invocation);
                } catch (EventQueueFullException e) {
                    var body = InvokeApiError.TOO_MANY_REQUESTS.body("Rate Exceeded. localfaas: " + e.getMessage());
                    body.put("Reason", "ConcurrentInvocationLimitExceeded");
                    InvokeApiError.TOO_MANY_REQUESTS.send(exchange, requestId, body);
                    return;
                }
                respondEmpty(exchange, InvocationType.EVENT.status());
            }
            case REQUEST_RESPONSE -> invoke(exchange, function.get(), ref, invocation, logType.equals("Tail"));
        }
    }

    private void invoke(HttpServerExchange exchange, FunctionSpec function, FunctionReference ref,
                        Invocation invocation, boolean tail) {
        CompletableFuture<InvocationResult> answer;
        try {
            answer = invoker.invokeAsync(function.name(), invocation);
        } catch (UnknownFunctionException e) {
            InvokeApiError.RESOURCE_NOT_FOUND.send(exchange, invocation.requestId(), "Function not found: " + ref.arn(account));
            return;
        }
        // Keep the exchange open until the function answers, on whichever thread that is.
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> answer.whenComplete((result, failure) -> {
            try {
                if (failure != null) {
                    throw failure;
                }
                respond(exchange, function, result, tail);
            } catch (Throwable t) {
                if (!exchange.isResponseStarted()) {
                    InvokeApiError.SERVICE.send(exchange, invocation.requestId(), "localfaas failed running "
                            + function.name() + ": " + t);
                } else {
                    exchange.endExchange();
                }
            }
        }));
    }

    private void respond(HttpServerExchange exchange, FunctionSpec function, InvocationResult result, boolean tail) {
        if (result.outcome() == Outcome.THROTTLED) {
            var body = InvokeApiError.TOO_MANY_REQUESTS.body("Rate Exceeded.");
            body.put("Reason", result.errorType() != null ? result.errorType() : function.concurrency() > 0
                    ? "ReservedFunctionConcurrentInvocationLimitExceeded" : "ConcurrentInvocationLimitExceeded");
            InvokeApiError.TOO_MANY_REQUESTS.send(exchange, result.requestId(), body);
            return;
        }
        exchange.getResponseHeaders().put(InvokeApiError.REQUEST_ID, result.requestId());
        exchange.getResponseHeaders().put(EXECUTED_VERSION, result.version() == null ? LATEST : result.version());
        if (result.failed()) {
            exchange.getResponseHeaders().put(FUNCTION_ERROR, "Unhandled");
        }
        if (tail) {
            exchange.getResponseHeaders().put(LOG_RESULT, InvokePayload.logTail(result.log()));
        }
        Responses.json(exchange, 200, result.payload());
    }

    private static void respondEmpty(HttpServerExchange exchange, int status) {
        exchange.setStatusCode(status);
        Responses.send(exchange, new byte[0]);
    }

    private static String first(HttpServerExchange exchange, String queryParam) {
        List<String> values = QueryString.parse(exchange.getQueryString()).get(queryParam);
        return values == null ? null : values.get(0);
    }
}
