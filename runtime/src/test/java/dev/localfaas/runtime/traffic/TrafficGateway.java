package dev.localfaas.runtime.traffic;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.Samples;
import dev.localfaas.runtime.awsapi.AwsApis;
import dev.localfaas.runtime.execution.Invocation;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.gateway.Gateway;
import dev.localfaas.runtime.gateway.GatewayConfig;
import dev.localfaas.runtime.trigger.queue.SqliteQueueBackend;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The fixtures-traffic JAR (functions {@code release} and {@code release-check}) served by the real runtime behind a
 * real gateway with the Lambda version and alias API, as faas run serves it. The configuration of {@code $LATEST}
 * can be changed and reloaded, which is how a test makes a second version of the same JAR.
 */
final class TrafficGateway implements AutoCloseable {

    final LocalFaas faas;
    final Gateway gateway;
    final List<String> notices = new CopyOnWriteArrayList<>();
    final List<String> logLines = new CopyOnWriteArrayList<>();
    private final SqliteQueueBackend queues;
    private final Map<String, Map<String, String>> environment = new ConcurrentHashMap<>();

    TrafficGateway(Path tmp) throws IOException {
        Path functions = Files.createDirectories(tmp.resolve("functions"));
        Files.copy(Samples.testFunctions().resolve("fixtures-traffic.jar"), functions.resolve("fixtures-traffic.jar"));
        Path state = tmp.resolve("state");
        faas = LocalFaas.open(RuntimeConfig.forDirectory(functions).withStateDir(state).withSnapshotJars(true)
                .withLogSink((fn, line) -> logLines.add(fn + " " + line)), this::configured);
        faas.deployments().onNotice(notices::add);
        queues = SqliteQueueBackend.open(state.resolve("queues.db"), line -> { });
        gateway = Gateway.create(GatewayConfig.defaults().withPort(0), faas);
        gateway.serveAwsApi(AwsApis.of(faas, queues, faas.config().region(), faas.config().accountId())
                .withVersions(faas.traffic()));
        gateway.onNotice(notices::add).start();
    }

    /** Sets variables of {@code function}'s $LATEST and reloads, as a changed template would. */
    void configure(String function, Map<String, String> variables) {
        environment.put(function, Map.copyOf(variables));
        faas.reload();
    }

    private FunctionSpec configured(FunctionSpec spec) {
        Map<String, String> extra = environment.get(spec.name());
        if (extra == null) {
            return spec;
        }
        Map<String, String> env = new HashMap<>(spec.environment());
        env.putAll(extra);
        return new FunctionSpec(spec.name(), spec.jar(), spec.handler(), spec.memoryMb(), spec.timeoutSeconds(),
                spec.concurrency(), env, spec.inputType(), spec.httpRoutes(), spec.schedules(), spec.queues(),
                spec.architecture(), spec.layers(), spec.events());
    }

    InvocationResult invoke(String function, Trigger trigger) {
        return faas.invoke(function, Invocation.of("{}".getBytes(StandardCharsets.UTF_8), trigger));
    }

    String url() {
        return gateway.url();
    }

    LambdaClient lambda() {
        return LambdaClient.builder().endpointOverride(URI.create(url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Override
    public void close() {
        gateway.stop();
        faas.close();
        queues.close();
    }
}
