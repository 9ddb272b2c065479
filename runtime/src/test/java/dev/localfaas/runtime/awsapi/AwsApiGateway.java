package dev.localfaas.runtime.awsapi;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.RetryPolicy;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.trigger.PublishSubscribe;
import dev.localfaas.runtime.gateway.Gateway;
import dev.localfaas.runtime.gateway.GatewayConfig;
import dev.localfaas.runtime.trigger.queue.QueueAdminHandler;
import dev.localfaas.runtime.trigger.queue.QueueService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What {@code faas run} serves, for the AWS API tests: the real runtime on a functions folder, its queue store and
 * consumers, and the gateway with the AWS APIs on a free port; plus SDK clients pointed at it.
 */
final class AwsApiGateway implements AutoCloseable {
    final LocalFaas faas;
    final QueueService queues;
    final Gateway gateway;
    /** The topics and buses the SNS and EventBridge APIs serve, with the functions' subscriptions and rules. */
    final PublishSubscribe events;
    final List<InvocationResult> invocations = new CopyOnWriteArrayList<>();
    final List<String> logLines = new CopyOnWriteArrayList<>();
    final List<String> notices = new CopyOnWriteArrayList<>();

    private AwsApiGateway(Path functionsDir, Path stateDir) {
        RuntimeConfig config = RuntimeConfig.forDirectory(functionsDir).withStateDir(stateDir)
                .withLogSink((fn, line) -> logLines.add(fn + " " + line));
        faas = LocalFaas.open(config);
        faas.addListener(invocations::add);
        queues = QueueService.open(config, faas, this::notice);
        gateway = Gateway.create(GatewayConfig.defaults().withPort(0).withAccount(config.region(), config.accountId()),
                faas);
        gateway.mountHandler(QueueAdminHandler.PREFIX, queues.adminHandler());
        events = PublishSubscribe.open(config, faas, queues.backend(), RetryPolicy.LAMBDA_ASYNC, List.of(), this::notice);
        gateway.onNotice(this::notice).serveAwsApi(AwsApis.of(faas, queues.backend(), events, config.region(),
                config.accountId()));
        gateway.start();
        faas.announceEndpoint(gateway.url());
        queues.start(faas.functions());
        events.start(faas.functions());
    }

    private void notice(String line) {
        notices.add(line);
        System.err.println(line); // a failure inside the gateway shows in the test's output
    }

    static AwsApiGateway start(Path functionsDir, Path stateDir) {
        try {
            Files.createDirectories(functionsDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AwsApiGateway(functionsDir, stateDir);
    }

    String url() {
        return gateway.url();
    }

    SqsClient sqs() {
        return SqsClient.builder().endpointOverride(URI.create(url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    LambdaClient lambda() {
        return LambdaClient.builder().endpointOverride(URI.create(url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    SnsClient sns() {
        return SnsClient.builder().endpointOverride(URI.create(url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    EventBridgeClient eventBridge() {
        return EventBridgeClient.builder().endpointOverride(URI.create(url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Override
    public void close() {
        gateway.stop();
        events.close();
        queues.close();
        faas.close();
    }
}
