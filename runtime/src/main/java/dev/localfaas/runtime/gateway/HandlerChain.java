package dev.localfaas.runtime.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.PathHandler;
import dev.localfaas.runtime.execution.Invocation;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The one place the gateway's handlers are put together. Per request, in order:
 * <pre>
 *   Host check ─ path split ─┬─ /_faas/*       cross-site → [token] → body limit → body deadline → worker → guard → admin
 *                            ├─ /2015-03-31/*  cross-site → [token] → body limit → body deadline → read body → [worker] → guard → Invoke API
 *                            └─ everything else                        body limit → body deadline → read body → [worker] → guard → function routes
 * </pre>
 * ([token] only when the gateway is reachable from the network; [worker] only when the invoker blocks: the engine
 * answers asynchronously from the function's thread.) The Host check refuses DNS-rebinding requests everywhere;
 * function routes stay open to web pages (they are the user's API), while a page on another site may not change
 * state through the admin or Invoke API. The body limit answers 413 before any function or endpoint is touched;
 * bodies are read on the IO thread without blocking, within the body deadline; all work that may block runs on the
 * worker pool; the guard turns any failure into a JSON 500.
 */
final class HandlerChain {

    private HandlerChain() {
    }

    static HttpHandler assemble(GatewayConfig config, String adminToken, Executor workers, boolean nonBlockingInvoker,
                                Consumer<String> notices, HttpHandler functionRoutes, HttpHandler invokeApi,
                                HttpHandler admin) {
        return assemble(config, adminToken, workers, nonBlockingInvoker, notices, functionRoutes, invokeApi, admin, null);
    }

    /** As above, with the dashboard's page (or null): its files are served before the admin API's token check. */
    static HttpHandler assemble(GatewayConfig config, String adminToken, Executor workers, boolean nonBlockingInvoker,
                                Consumer<String> notices, HttpHandler functionRoutes, HttpHandler invokeApi,
                                HttpHandler admin, HttpHandler page) {
        long bodyDeadline = config.timeouts().bodyRead().toMillis();
        HttpHandler functions = new BodyLimitHandler(config.maxBodyBytes(),
                ex -> Responses.message(ex, 413, "Request Entity Too Large"),
                new BodyDeadlineHandler(bodyDeadline, new FullBodyHandler(
                        invoking(workers, nonBlockingInvoker, new ExceptionGuardHandler(notices, functionRoutes)))));
        String tooLarge = "Request must be smaller than " + config.maxBodyBytes() + " bytes for the InvokeFunction operation";
        HttpHandler invoke = new BodyLimitHandler(config.maxBodyBytes(),
                ex -> InvokeApiError.REQUEST_TOO_LARGE.send(ex, Invocation.newRequestId(), tooLarge),
                new BodyDeadlineHandler(bodyDeadline, new FullBodyHandler(
                        invoking(workers, nonBlockingInvoker, new ExceptionGuardHandler(notices, invokeApi)))));
        HttpHandler adminApi = new BodyLimitHandler(config.maxBodyBytes(),
                ex -> Responses.message(ex, 413, "admin request body must be at most " + config.maxBodyBytes()
                        + " bytes; send less"),
                new BodyDeadlineHandler(bodyDeadline,
                        new WorkerDispatchHandler(workers, new ExceptionGuardHandler(notices, admin))));
        HttpHandler guardedAdmin = guarded(adminToken, Refusal.MESSAGE, adminApi);
        PathHandler paths = new PathHandler(functions)
                .addPrefixPath(AdminHandler.ROOT, guardedAdmin)
                .addPrefixPath("/2015-03-31", guarded(adminToken, InvokeApiError::refuse, invoke));
        if (page != null) {
            HttpHandler files = new CrossSiteHandler(Refusal.MESSAGE, page);
            // a browser asking for /_faas/ gets the page; a client asking for JSON still gets the endpoint index
            HttpHandler root = exchange -> {
                String accept = exchange.getRequestHeaders().getFirst(io.undertow.util.Headers.ACCEPT);
                (accept != null && accept.contains("text/html") ? files : guardedAdmin).handleRequest(exchange);
            };
            paths.addExactPath(AdminHandler.ROOT + "/", root).addExactPath(AdminHandler.ROOT, root)
                    .addPrefixPath(PageHandler.ASSETS, files);
        }
        return new HostCheckHandler(config.host(), config.access(), paths);
    }

    /** The admin and Invoke APIs: never driven by another site's page, and only with the token when one is set. */
    private static HttpHandler guarded(String adminToken, Refusal refusal, HttpHandler next) {
        HttpHandler tokened = adminToken == null ? next : new AdminTokenHandler(adminToken, refusal, next);
        return new CrossSiteHandler(refusal, tokened);
    }

    /**
     * Puts the AWS service APIs in front of {@code chain}: a request claimed by its protocol headers
     * ({@link AwsApiHandler#claims}) gets the body limit, the whole body, a worker thread (long polls block) and the
     * guard, then the API; every other request goes through {@code chain} unchanged.
     */
    static HttpHandler withAwsApi(GatewayConfig config, Executor workers, Consumer<String> notices, AwsApi api,
                                  HttpHandler chain) {
        HttpHandler aws = new BodyLimitHandler(config.maxBodyBytes(),
                ex -> Responses.message(ex, 413, "Request Entity Too Large"),
                new FullBodyHandler(new WorkerDispatchHandler(workers,
                        new ExceptionGuardHandler(notices, new AwsApiHandler(api)))));
        return AwsApiHandler.route(aws, chain);
    }

    /**
     * Handlers that invoke functions. With a non-blocking invoker they stay on the IO thread: routing and building
     * the event are short, the function runs on its own environment's thread and answers from there, so a request
     * costs one thread hand-off, as a bare worker dispatch does. A blocking invoker gets a worker thread.
     */
    private static HttpHandler invoking(Executor workers, boolean nonBlockingInvoker, HttpHandler next) {
        return nonBlockingInvoker ? next : new WorkerDispatchHandler(workers, next);
    }
}
