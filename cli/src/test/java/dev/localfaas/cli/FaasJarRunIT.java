package dev.localfaas.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code faas.jar run} as a child process: it serves the samples on a free port, answers an HTTP
 * trigger and an Invoke API call end to end, logs both, and on SIGTERM drains and exits 0.
 */
class FaasJarRunIT {

    @TempDir
    Path tmp;

    @Test
    void runServesTheSamplesAndStopsCleanly() throws Exception {
        Path jar = Path.of(System.getProperty("faas.jar", "target/faas.jar")).toAbsolutePath();
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "run", CliRun.samples().toString(), "--port", "0", "--state-dir", tmp.resolve("state").toString()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            Pattern ready = Pattern.compile("Ready on (http://127\\.0\\.0\\.1:\\d+)");
            await().atMost(30, TimeUnit.SECONDS).until(() -> ready.matcher(Files.readString(out)).find());
            Matcher m = ready.matcher(Files.readString(out));
            m.find();
            String url = m.group(1);
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> user = http.send(HttpRequest.newBuilder(URI.create(url + "/users/7")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, user.statusCode());
            assertTrue(user.body().startsWith("{\"id\":\"7\""), user.body());

            HttpResponse<String> invoked = http.send(HttpRequest.newBuilder(
                    URI.create(url + "/2015-03-31/functions/hello/invocations"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"IT\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, invoked.statusCode());
            assertEquals("{\"message\":\"Hello, IT!\"}", invoked.body());

            await().atMost(10, TimeUnit.SECONDS).until(() -> Files.readString(out).lines()
                    .anyMatch(l -> l.matches("hello\\s+\\| REPORT RequestId: .*")));
            assertTrue(Files.readString(out).lines().anyMatch(l -> l.matches("users-api\\s+\\| START RequestId: .*")));
        } finally {
            process.destroy(); // SIGTERM, as Ctrl-C would: drain, then exit 0
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "faas run did not stop");
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), stdout + Files.readString(err));
        assertTrue(stdout.endsWith("Stopped." + System.lineSeparator()), stdout);
        assertTrue(Files.readString(err).isEmpty(), Files.readString(err));
    }
}
