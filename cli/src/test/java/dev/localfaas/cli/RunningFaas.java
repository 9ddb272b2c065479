package dev.localfaas.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code faas.jar run DIR --port 0} as a child process: started and awaited until it prints its ready line, then
 * called over HTTP, and ended the ways a user ends it (Ctrl-C, SIGTERM) or a crash does ({@code kill -9}).
 * Its stdout and stderr go to files named after {@code label}, so a restarted gateway keeps both runs' output.
 */
final class RunningFaas implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern READY = Pattern.compile("Ready on (http://127\\.0\\.0\\.1:\\d+)");
    /** Generous: a JVM start and a cold discovery on a loaded 2-core machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path out;
    private final Path err;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String url;

    private RunningFaas(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code faas run functions --port 0 extraArgs...} and waits until it is ready. */
    static RunningFaas start(Path functions, Path logs, String label, String... extraArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", functions.toString(), "--port", "0"));
        args.addAll(List.of(extraArgs));
        return startWith(args, logs, label);
    }

    /** Starts {@code faas ARGS...} (a command that serves and prints its ready line) and waits until it is ready. */
    static RunningFaas startWith(List<String> args, Path logs, String label) throws IOException {
        Path out = logs.resolve(label + "-out.txt");
        Path err = logs.resolve(label + "-err.txt");
        Process process = new ProcessBuilder(FaasJar.command(args))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        RunningFaas faas = new RunningFaas(process, out, err);
        try {
            await().atMost(START_TIMEOUT).until(() -> READY.matcher(faas.out()).find() || !process.isAlive());
            Matcher ready = READY.matcher(faas.out());
            assertTrue(ready.find(), "faas run did not get ready:\n" + faas.out() + faas.err());
            faas.url = ready.group(1);
            return faas;
        } catch (RuntimeException | Error e) {
            faas.close();
            throw e;
        }
    }

    String url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    /** Everything the gateway printed on stdout so far: the table, then every invocation's log lines. */
    String out() {
        return read(out);
    }

    String err() {
        return read(err);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(request(path, body), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest request(String path, String body) {
        return HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    HttpClient http() {
        return http;
    }

    /** {@code GET path} answered 200, as JSON. */
    JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    /** One queue's entry of {@code GET /_faas/queues}, or a missing node when the queue is not known yet. */
    JsonNode queue(String name) throws IOException, InterruptedException {
        for (JsonNode queue : getJson("/_faas/queues").get("queues")) {
            if (queue.get("name").asText().equals(name)) {
                return queue;
            }
        }
        return JSON.missingNode();
    }

    /** Ctrl-C: SIGINT, then waits for the drain; answers the exit code. */
    int interrupt() throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor());
        return awaitExit();
    }

    /** SIGTERM ({@link Process#destroy()} on Linux), then waits for the drain; answers the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        return awaitExit();
    }

    /** SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook, no close, no checkpoint. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "faas run survived SIGKILL");
    }

    private int awaitExit() throws InterruptedException {
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "faas run did not stop:\n" + out() + err());
        return process.exitValue();
    }

    /** Leaves no child behind, whatever the test did. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
