package dev.localfaas.runtime.runtimeapi;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.Samples;
import dev.localfaas.runtime.config.Project;
import dev.localfaas.runtime.config.ProjectLoader;
import dev.localfaas.runtime.config.ProjectOptions;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.gateway.Gateway;
import dev.localfaas.runtime.gateway.GatewayConfig;
import dev.localfaas.runtime.isolation.process.ProcessRuntimes;
import dev.localfaas.runtime.trigger.queue.OutgoingMessage;
import dev.localfaas.runtime.trigger.queue.QueueService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The polyglot samples (sample-functions/polyglot/template.yaml) behind the real gateway and real queues: a Node.js
 * and a Python function on our bootstraps, and a provided.al2023 function whose bootstrap is a shell script using
 * curl, each a process polling the Runtime API. Skipped, with a message, where node, python3 or curl is missing.
 */
class PolyglotSamplesTest {

    @TempDir
    static Path state;
    static LocalFaas faas;
    static Gateway gateway;
    static QueueService queues;
    static final List<InvocationResult> invocations = new CopyOnWriteArrayList<>();
    static final List<String> lines = new CopyOnWriteArrayList<>();
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path template = Samples.functions().resolve("../../polyglot/template.yaml").normalize();
        Project project = ProjectLoader.load(template, ProjectOptions.defaults());
        RuntimeConfig config = RuntimeConfig.forDirectory(template.getParent()).withStateDir(state)
                .withLogSink((fn, line) -> lines.add(fn + " " + line));
        faas = LocalFaas.open(config, UnaryOperator.identity(), project::catalog);
        faas.addListener(invocations::add);
        queues = QueueService.open(config, faas, lines::add);
        project.model().queues().forEach(q -> queues.backend().declare(q.name(), java.util.Optional.empty()));
        queues.start(faas.functions());
        gateway = Gateway.create(GatewayConfig.defaults().withPort(0), faas).start();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (queues != null) {
            queues.close();
        }
        if (faas != null) {
            faas.close();
        }
    }

    static void require(String program) {
        assumeTrue(ProcessRuntimes.onPath(program).isPresent(), program + " is not installed: skipping its sample "
                + "(.ci/run installs it with apt-get)");
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create(gateway.url() + path)).timeout(Duration.ofSeconds(60));
    }

    @Test
    void nodeAnswersOverHttpAndConsumesItsQueue() throws Exception {
        require("node");
        HttpResponse<String> hello = send(to("/node/hello?name=Ada").GET());
        assertEquals(200, hello.statusCode(), hello.body() + lines);
        assertTrue(hello.body().contains("Hello, Ada from Node.js v"), hello.body());
        assertTrue(hello.body().contains("\"remainingMs\":true"), hello.body());
        faas.flush();
        assertTrue(lines.stream().anyMatch(l -> l.matches("node-greeter \\S+Z\t[0-9a-f-]{36}\tINFO\tgreeting Ada with "
                + "node-greeter 128MB")), lines.toString());
        queues.backend().sendAll("node-greetings", List.of(OutgoingMessage.of("from the queue")));
        await().atMost(Duration.ofSeconds(60)).until(() -> invocations.stream()
                .anyMatch(r -> r.function().equals("node-greeter") && r.trigger() == Trigger.QUEUE && r.outcome() == Outcome.OK));
        faas.flush();
        assertTrue(lines.stream().anyMatch(l -> l.contains("INFO\tgreeting from the queue")), lines.toString());
    }

    @Test
    void pythonAnswersOverHttpAndConsumesItsQueue() throws Exception {
        require("python3");
        HttpResponse<String> hello = send(to("/python/hello?name=Guido").GET());
        assertEquals(200, hello.statusCode(), hello.body() + lines);
        assertTrue(hello.body().contains("Hello, Guido from Python 3."), hello.body());
        queues.backend().sendAll("python-greetings", List.of(OutgoingMessage.of("from the queue")));
        await().atMost(Duration.ofSeconds(60)).until(() -> invocations.stream()
                .anyMatch(r -> r.function().equals("python-greeter") && r.trigger() == Trigger.QUEUE && r.outcome() == Outcome.OK));
        faas.flush();
        assertTrue(lines.stream().anyMatch(l -> l.equals("python-greeter greeting from the queue")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("python-greeter REPORT RequestId:")
                && l.matches(".*\tMax Memory Used: \\d+ MB.*")), lines.toString());
    }

    @Test
    void aShellBootstrapServesTheRuntimeApiWithCurl() throws Exception {
        require("curl");
        HttpResponse<String> echo = send(to("/shell/echo").POST(HttpRequest.BodyPublishers.ofString("quiet please")));
        assertEquals(200, echo.statusCode(), echo.body() + lines);
        assertEquals("QUIET PLEASE", echo.body());
        faas.flush();
        assertTrue(lines.contains("shell-echo echoing 12 characters"), lines.toString());
    }
}
