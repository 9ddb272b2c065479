package dev.localfaas.runtime.runtimeapi;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.xnio.Options;

/**
 * The Lambda Runtime API for one execution environment, on loopback port 0: the endpoint a runtime process finds in
 * {@code AWS_LAMBDA_RUNTIME_API}. It serves what Lambda serves (paths, headers, payloads and status codes of the
 * {@code 2018-06-01} API): {@code GET invocation/next} blocks until {@link #submit} hands it an event;
 * {@code POST invocation/{id}/response} and {@code .../error} answer it; {@code POST init/error} ends init.
 *
 * <p>One invocation at a time, as an environment runs one at a time: {@link #submit} is called by the one thread
 * that owns the environment, and the answer comes back as a future.
 */
public final class RuntimeApiServer implements AutoCloseable {

    /** Lambda's limit on a synchronous response: 6 MB (lambda-contract.md, RIE's handlers). */
    static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;
    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final HttpString REQUEST_ID = new HttpString("Lambda-Runtime-Aws-Request-Id");
    private static final HttpString DEADLINE = new HttpString("Lambda-Runtime-Deadline-Ms");
    private static final HttpString ARN = new HttpString("Lambda-Runtime-Invoked-Function-Arn");
    private static final HttpString TRACE = new HttpString("Lambda-Runtime-Trace-Id");
    private static final HttpString CLIENT_CONTEXT = new HttpString("Lambda-Runtime-Client-Context");
    private static final HttpString COGNITO = new HttpString("Lambda-Runtime-Cognito-Identity");
    private static final HttpString ERROR_TYPE = new HttpString("Lambda-Runtime-Function-Error-Type");

    private final Undertow server;
    private final int port;
    private final CompletableFuture<Optional<RuntimeAnswer>> init = new CompletableFuture<>();
    private final LinkedBlockingQueue<RuntimeInvocation> next = new LinkedBlockingQueue<>(1);
    private volatile Pending pending;
    private volatile CompletableFuture<Void> polledAgain = new CompletableFuture<>();
    private volatile boolean closed;

    private RuntimeApiServer() {
        server = Undertow.builder()
                .setIoThreads(1)
                .setWorkerThreads(3)
                .setServerOption(Options.REUSE_ADDRESSES, true)
                // our own check answers an oversized response as Lambda does, not Undertow's bare 413
                .setServerOption(io.undertow.UndertowOptions.MAX_ENTITY_SIZE, 4L * MAX_RESPONSE_BYTES)
                .addHttpListener(0, "127.0.0.1")
                .setHandler(new BlockingHandler(this::handle))
                .build();
        server.start();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** Starts an endpoint on a free loopback port. */
    public static RuntimeApiServer start() {
        return new RuntimeApiServer();
    }

    /** What {@code AWS_LAMBDA_RUNTIME_API} holds: {@code host:port}. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /**
     * Completes when init ended: empty once the runtime asked for its first event, or the error it posted to
     * {@code init/error}.
     */
    public CompletableFuture<Optional<RuntimeAnswer>> initialized() {
        return init;
    }

    /**
     * Hands {@code invocation} to the runtime's (next) {@code GET invocation/next}; the future completes with what the
     * runtime posts for it. The caller waits on it (and gives up on it at the deadline, or when the process ends).
     */
    public CompletableFuture<RuntimeAnswer> submit(RuntimeInvocation invocation) {
        Pending p = new Pending(invocation.requestId(), new CompletableFuture<>());
        pending = p;
        polledAgain = new CompletableFuture<>();
        next.clear();
        next.add(invocation);
        return p.answer;
    }

    /**
     * Completes when the runtime asks for its next event after the last {@link #submit}: the end of that invocation
     * as Lambda counts it (END and REPORT come then), once what the runtime logged after answering is written.
     */
    public CompletableFuture<Void> polledAgain() {
        return polledAgain;
    }

    @Override
    public void close() {
        closed = true;
        Pending p = pending;
        if (p != null) {
            p.answer.cancel(false);
        }
        init.cancel(false);
        server.stop();
    }

    private void handle(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestPath();
        if (!path.startsWith(PREFIX)) {
            notFound(exchange);
            return;
        }
        String rest = path.substring(PREFIX.length());
        boolean get = exchange.getRequestMethod().equals(Methods.GET);
        boolean post = exchange.getRequestMethod().equals(Methods.POST);
        if (rest.equals("invocation/next") && get) {
            next(exchange);
        } else if (rest.equals("init/error") && post) {
            byte[] body = exchange.getInputStream().readAllBytes();
            init.complete(Optional.of(RuntimeAnswer.error(body, errorType(exchange))));
            accepted(exchange);
        } else if (rest.startsWith("invocation/") && post && (rest.endsWith("/response") || rest.endsWith("/error"))) {
            answer(exchange, rest);
        } else {
            notFound(exchange);
        }
    }

    private void next(HttpServerExchange exchange) throws InterruptedException, IOException {
        init.complete(Optional.empty());
        polledAgain.complete(null);
        RuntimeInvocation invocation = null;
        while (invocation == null) {
            if (closed) {
                exchange.getConnection().close(); // the environment ended: its runtime gets no more events
                return;
            }
            invocation = next.poll(200, TimeUnit.MILLISECONDS);
        }
        exchange.setStatusCode(200);
        var headers = exchange.getResponseHeaders();
        headers.put(Headers.CONTENT_TYPE, "application/json");
        headers.put(REQUEST_ID, invocation.requestId());
        headers.put(DEADLINE, Long.toString(invocation.deadlineMs()));
        headers.put(ARN, invocation.invokedFunctionArn());
        headers.put(TRACE, invocation.traceId());
        if (invocation.clientContext() != null) {
            headers.put(CLIENT_CONTEXT, invocation.clientContext());
        }
        if (invocation.cognitoIdentity() != null) {
            headers.put(COGNITO, invocation.cognitoIdentity());
        }
        exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(invocation.payload()));
    }

    private void answer(HttpServerExchange exchange, String rest) throws IOException {
        boolean error = rest.endsWith("/error");
        String id = rest.substring("invocation/".length(), rest.length() - (error ? "/error" : "/response").length());
        Pending p = pending;
        if (p == null || !p.requestId.equals(id) || p.answer.isDone()) {
            exchange.setStatusCode(400);
            json(exchange, "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");
            return;
        }
        byte[] body = exchange.getInputStream().readNBytes(MAX_RESPONSE_BYTES + 1);
        if (!error && body.length > MAX_RESPONSE_BYTES) {
            exchange.setStatusCode(413);
            json(exchange, "{\"errorMessage\":\"Exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES
                    + " bytes).\",\"errorType\":\"RequestEntityTooLarge\"}");
            p.answer.complete(RuntimeAnswer.error(("{\"errorMessage\":\"Response payload size exceeded maximum allowed "
                    + "payload size (" + MAX_RESPONSE_BYTES + " bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}")
                    .getBytes(StandardCharsets.UTF_8), "Function.ResponseSizeTooLarge"));
            return;
        }
        accepted(exchange);
        p.answer.complete(error ? RuntimeAnswer.error(body, errorType(exchange)) : RuntimeAnswer.response(body));
    }

    private static String errorType(HttpServerExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst(ERROR_TYPE);
        return type == null || type.isBlank() ? "Unhandled" : type;
    }

    private static void accepted(HttpServerExchange exchange) {
        exchange.setStatusCode(202);
        json(exchange, "{\"status\":\"OK\"}");
    }

    private static void notFound(HttpServerExchange exchange) {
        exchange.setStatusCode(404);
        json(exchange, "{\"errorMessage\":\"Not found: " + exchange.getRequestMethod() + " " + exchange.getRequestPath()
                + "\",\"errorType\":\"InvalidRequest\"}");
    }

    private static void json(HttpServerExchange exchange, String body) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(body);
    }

    private record Pending(String requestId, CompletableFuture<RuntimeAnswer> answer) {
    }
}
