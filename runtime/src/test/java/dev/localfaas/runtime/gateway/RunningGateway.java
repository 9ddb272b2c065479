package dev.localfaas.runtime.gateway;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.awsapi.AwsApis;
import dev.localfaas.runtime.execution.RetryPolicy;
import dev.localfaas.runtime.trigger.PublishSubscribe;
import dev.localfaas.runtime.trigger.topic.TopicsEndpoint;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.trigger.queue.SqliteQueueBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A functions folder opened by the real runtime ({@link LocalFaas}: discovery and engine) behind a real gateway on
 * a free port, with an HTTP client and what the gateway and engine reported along the way.
 */
final class RunningGateway implements AutoCloseable {

    final LocalFaas faas;
    final Gateway gateway;
    /** The queue store the gateway's SQS API serves (as under faas run); no consumers run on it. */
    final SqliteQueueBackend queues;
    private PublishSubscribe events;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final List<InvocationResult> invocations = new CopyOnWriteArrayList<>();
    final List<String> notices = new CopyOnWriteArrayList<>();
    final List<String> logLines;

    private RunningGateway(LocalFaas faas, Gateway gateway, SqliteQueueBackend queues, List<String> logLines) {
        this.faas = faas;
        this.gateway = gateway;
        this.queues = queues;
        this.logLines = logLines;
    }

    static RunningGateway start(Path functionsDir, Path stateDir) {
        return start(functionsDir, stateDir, UnaryOperator.identity(), c -> c);
    }

    static RunningGateway start(Path functionsDir, Path stateDir, UnaryOperator<FunctionSpec> adjust,
                                UnaryOperator<GatewayConfig> tweak) {
        List<String> logLines = new CopyOnWriteArrayList<>();
        LocalFaas faas = LocalFaas.open(RuntimeConfig.forDirectory(functionsDir).withStateDir(stateDir)
                .withSnapshotJars(true).withLogSink((fn, line) -> logLines.add(fn + " " + line)), adjust);
        if (!faas.catalog().problems().isEmpty()) {
            faas.close();
            throw new IllegalStateException("discovery problems: " + faas.catalog().problems());
        }
        Gateway gateway = Gateway.create(tweak.apply(GatewayConfig.defaults().withPort(0)), faas);
        SqliteQueueBackend queues = SqliteQueueBackend.open(stateDir.resolve("queues.db"), line -> { });
        RunningGateway running = new RunningGateway(faas, gateway, queues, logLines);
        faas.addListener(running.invocations::add);
        faas.addListener(gateway.invocationListener());
        // The topics API too (topics made on demand, no subscriptions started): orders-rest publishes each order
        // with SnsClient, as under faas run.
        running.events = PublishSubscribe.open(faas.config(), faas, queues, RetryPolicy.LAMBDA_ASYNC, List.of(),
                running.notices::add);
        gateway.serveAwsApi(AwsApis.of(faas, queues, running.events, faas.config().region(), faas.config().accountId()));
        gateway.mount(TopicsEndpoint.PREFIX, new TopicsEndpoint(running.events.topics()));
        gateway.onNotice(running.notices::add).functionStats(faas::stats).start();
        faas.announceEndpoint(gateway.url()); // as faas run does: functions' AWS SDKs call this gateway
        return running;
    }

    URI uri(String pathAndQuery) {
        return URI.create(gateway.url() + pathAndQuery);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> sendForBytes(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** How many invocations listeners have heard of, after those that completed so far have all been reported. */
    int invocationCount() {
        faas.flush(); // listeners hear of invocations on the engine's writer thread
        return invocations.size();
    }

    long invocationsOf(String function) {
        faas.flush(); // listeners hear of invocations on the engine's writer thread
        return invocations.stream().filter(r -> r.function().equals(function)).count();
    }

    @Override
    public void close() {
        gateway.stop();
        events.close();
        faas.close();
        queues.close();
    }
}
