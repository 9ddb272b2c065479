package dev.localfaas.runtime.gateway;

import dev.localfaas.runtime.execution.Engine;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.function.FunctionSpec;
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
 * The real engine running the given functions behind a real gateway on a free port, with an HTTP client and what
 * the gateway and engine reported along the way.
 */
final class RunningGateway implements AutoCloseable {

    final Engine engine;
    final Gateway gateway;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final List<InvocationResult> invocations = new CopyOnWriteArrayList<>();
    final List<String> notices = new CopyOnWriteArrayList<>();
    final List<String> logLines;

    private RunningGateway(Engine engine, Gateway gateway, List<String> logLines) {
        this.engine = engine;
        this.gateway = gateway;
        this.logLines = logLines;
    }

    static RunningGateway start(Path functionsDir, Path stateDir, List<FunctionSpec> functions) {
        return start(functionsDir, stateDir, functions, c -> c);
    }

    static RunningGateway start(Path functionsDir, Path stateDir, List<FunctionSpec> functions,
                                UnaryOperator<GatewayConfig> tweak) {
        List<String> logLines = new CopyOnWriteArrayList<>();
        Engine engine = new Engine(RuntimeConfig.forDirectory(functionsDir).withStateDir(stateDir)
                .withLogSink((fn, line) -> logLines.add(fn + " " + line)));
        engine.deploy(functions);
        Gateway gateway = Gateway.create(tweak.apply(GatewayConfig.defaults().withPort(0)), engine);
        RunningGateway running = new RunningGateway(engine, gateway, logLines);
        engine.addListener(running.invocations::add);
        engine.addListener(gateway.invocationListener());
        gateway.onNotice(running.notices::add).functionStats(engine::stats).start();
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

    long invocationsOf(String function) {
        return invocations.stream().filter(r -> r.function().equals(function)).count();
    }

    @Override
    public void close() {
        gateway.stop();
        engine.close();
    }
}
