package dev.localfaas.runtime.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.PathHandler;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The one place the gateway's handlers are put together. Per request, in order:
 * <pre>
 *   path split ─┬─ /_faas/*         worker → guard → admin
 *               ├─ /2015-03-31/*    body limit → read body → worker → guard → Invoke API
 *               └─ everything else  body limit → read body → worker → guard → function routes
 * </pre>
 * The body limit answers 413 before any function is touched; bodies are read on the IO thread without blocking;
 * all work that may block runs on the worker pool; the guard turns any failure into a JSON 500.
 */
final class HandlerChain {

    private HandlerChain() {
    }

    static HttpHandler assemble(GatewayConfig config, Executor workers, Consumer<String> notices,
                                HttpHandler functionRoutes, HttpHandler invokeApi, HttpHandler admin) {
        HttpHandler functions = new BodyLimitHandler(config.maxBodyBytes(),
                ex -> Responses.message(ex, 413, "Request Entity Too Large"),
                new FullBodyHandler(new WorkerDispatchHandler(workers, new ExceptionGuardHandler(notices, functionRoutes))));
        String tooLarge = "Request must be smaller than " + config.maxBodyBytes() + " bytes for the InvokeFunction operation";
        HttpHandler invoke = new BodyLimitHandler(config.maxBodyBytes(),
                ex -> InvokeApiError.REQUEST_TOO_LARGE.send(ex, UUID.randomUUID().toString(), tooLarge),
                new FullBodyHandler(new WorkerDispatchHandler(workers, new ExceptionGuardHandler(notices, invokeApi))));
        HttpHandler adminApi = new WorkerDispatchHandler(workers, new ExceptionGuardHandler(notices, admin));
        return new PathHandler(functions)
                .addPrefixPath(AdminHandler.ROOT, adminApi)
                .addPrefixPath("/2015-03-31", invoke);
    }
}
