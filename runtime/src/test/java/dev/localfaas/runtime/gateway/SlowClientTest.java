package dev.localfaas.runtime.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slow and silent clients are cut off at the configured timeouts; slow functions are not. */
class SlowClientTest {

    @TempDir
    static Path dir;
    static RunningGateway gw;

    @BeforeAll
    static void start() {
        gw = RunningGateway.start(Samples.copy(dir.resolve("functions"), "hello.jar", "fixtures-behaviour.jar"),
                dir.resolve("state"), f -> f.name().equals("sleeper") ? f.withLimits(f.memoryMb(), 10) : f,
                c -> c.withTimeouts(new ConnectionTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1),
                        Duration.ofSeconds(1), Duration.ofMinutes(16))));
        gw.gateway.mount("/_faas/echo", request -> AdminResponse.ok(Map.of("bytes", request.body().length)));
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    /** Sends {@code partial} and answers when the server closes the connection, with what it sent before. */
    private static CompletableFuture<String> holdOpen(String partial) {
        Socket socket;
        try {
            socket = new Socket("127.0.0.1", gw.gateway.port());
            socket.getOutputStream().write(partial.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CompletableFuture.supplyAsync(() -> {
            try (socket; InputStream in = socket.getInputStream()) {
                socket.setSoTimeout(60_000);
                return RawHttp.readUntilClosed(in);
            } catch (IOException e) {
                return "reset: " + e.getMessage(); // closed hard: as good as closed
            }
        });
    }

    @Test
    void halfTheHeadersIsClosedWithinTheParseTimeout() {
        CompletableFuture<String> closed = holdOpen("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
        await().atMost(Duration.ofSeconds(15)).until(closed::isDone);
        assertFalse(closed.join().startsWith("HTTP/1.1 200"), closed.join());
    }

    @Test
    void aSilentConnectionIsClosedWithinTheNoRequestTimeout() {
        CompletableFuture<String> closed = holdOpen("");
        await().atMost(Duration.ofSeconds(15)).until(closed::isDone);
    }

    @Test
    void aBodyShorterThanItsLengthIsClosedWithinTheBodyTimeout() {
        for (String path : new String[] {"/hello", "/2015-03-31/functions/hello/invocations", "/_faas/echo"}) {
            CompletableFuture<String> closed = holdOpen("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Length: 100\r\n\r\n{}");
            await().atMost(Duration.ofSeconds(15)).until(closed::isDone);
            assertFalse(closed.join().contains(" 200 "), path + ": " + closed.join());
        }
    }

    @Test
    void aFunctionRunningLongerThanTheTimeoutsIsAnswered() {
        HttpResponse<String> r = gw.post("/2015-03-31/functions/sleeper/invocations", "{\"ms\":2500}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("{\"sleptMs\":2500}", r.body());
    }
}
