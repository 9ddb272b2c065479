package dev.localfaas.runtime.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.Samples;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.RetryPolicy;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.gateway.Gateway;
import dev.localfaas.runtime.gateway.GatewayConfig;
import dev.localfaas.runtime.trigger.bucket.BucketsEndpoint;
import dev.localfaas.runtime.trigger.bus.EventsEndpoint;
import dev.localfaas.runtime.trigger.queue.QueueAdminHandler;
import dev.localfaas.runtime.trigger.queue.QueueService;
import dev.localfaas.runtime.trigger.topic.SubscriptionSpec;
import dev.localfaas.runtime.trigger.topic.TopicsEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What {@code faas run} serves for publish/subscribe, assembled as the CLI assembles it: the real runtime on a folder
 * of real JARs, the queue store, topics, buses and buckets, behind a real gateway on a free port. Retries wait
 * {@link #RETRY_DELAY} instead of Lambda's minutes.
 */
public final class PubSubGateway implements AutoCloseable {

    public static final Duration RETRY_DELAY = Duration.ofMillis(200);
    private static final ObjectMapper JSON = new ObjectMapper();

    public final LocalFaas faas;
    public final QueueService queues;
    public final PublishSubscribe events;
    public final Gateway gateway;
    public final List<InvocationResult> invocations = new CopyOnWriteArrayList<>();
    public final List<String> notices = new CopyOnWriteArrayList<>();
    public final List<String> logLines = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PubSubGateway(Path functions, Path state, List<SubscriptionSpec> extra) {
        RuntimeConfig config = RuntimeConfig.forDirectory(functions).withStateDir(state)
                .withLogSink((fn, line) -> logLines.add(fn + " " + line));
        faas = LocalFaas.open(config);
        if (!faas.catalog().problems().isEmpty()) {
            faas.close();
            throw new IllegalStateException("discovery problems: " + faas.catalog().problems());
        }
        faas.addListener(invocations::add);
        queues = QueueService.open(config, faas, notices::add);
        events = PublishSubscribe.open(config, faas, queues.backend(), new RetryPolicy(List.of(RETRY_DELAY, RETRY_DELAY)),
                extra, notices::add);
        gateway = Gateway.create(GatewayConfig.defaults().withPort(0), faas).onNotice(notices::add);
        gateway.mountHandler(QueueAdminHandler.PREFIX, queues.adminHandler());
        gateway.mount(TopicsEndpoint.PREFIX, new TopicsEndpoint(events.topics()));
        EventsEndpoint buses = new EventsEndpoint(events.buses(), List::of);
        gateway.mount(EventsEndpoint.BUSES, buses.buses());
        gateway.mount(EventsEndpoint.RULES, buses.rules());
        gateway.mount(BucketsEndpoint.PREFIX, new BucketsEndpoint(events.buckets()));
        gateway.start();
        faas.announceEndpoint(gateway.url());
        queues.start(faas.functions());
        events.start(faas.functions());
    }

    /** Serves copies of the named sample or fixture JARs from {@code dir/functions}, with state in {@code dir/state}. */
    public static PubSubGateway start(Path dir, List<SubscriptionSpec> extra, String... jars) {
        Path functions = dir.resolve("functions");
        try {
            Files.createDirectories(functions);
            for (String jar : jars) {
                Path from = Samples.functions().resolve(jar);
                Files.copy(Files.exists(from) ? from : Samples.testFunctions().resolve(jar), functions.resolve(jar),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PubSubGateway(functions, dir.resolve("state"), extra);
    }

    public HttpResponse<String> send(String method, String path, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(gateway.url() + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs and returns the JSON answer, failing on a status other than 2xx. */
    public JsonNode post(String path, String body) {
        HttpResponse<String> r = send("POST", path, body);
        if (r.statusCode() / 100 != 2) {
            throw new AssertionError("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return json(r.body());
    }

    public JsonNode get(String path) {
        return json(send("GET", path, null).body());
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The invocations of {@code function} reported so far: the engine's reporter is flushed first (it is asynchronous). */
    public List<InvocationResult> invocationsOf(String function) {
        faas.flush();
        return invocations.stream().filter(r -> r.function().equals(function)).toList();
    }

    @Override
    public void close() {
        gateway.stop();
        events.close();
        queues.close();
        faas.close();
    }
}
