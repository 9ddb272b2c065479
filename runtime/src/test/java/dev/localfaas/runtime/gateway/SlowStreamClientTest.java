package dev.localfaas.runtime.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.Samples;
import dev.localfaas.runtime.execution.RuntimeConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dashboard stream whose client stops reading (a stalled browser tab, a slow link) costs the invoke path nothing:
 * the source's updates are handed over without waiting, the ones the client cannot take are dropped rather than
 * queued, and invocations go on being answered while it stalls.
 */
class SlowStreamClientTest {

    @TempDir
    Path tmp;

    @Test
    void aClientThatStopsReadingMissesUpdatesAndNeverHoldsUpTheSourceOrInvocations() throws Exception {
        Path functions = Files.createDirectories(tmp.resolve("functions"));
        Files.copy(Samples.functions().resolve("hello.jar"), functions.resolve("hello.jar"));
        List<Consumer<String>> sinks = new CopyOnWriteArrayList<>();
        EventStreamHandler stream = new EventStreamHandler(sink -> {
            sinks.add(sink);
            return () -> sinks.remove(sink);
        });
        try (LocalFaas faas = LocalFaas.open(RuntimeConfig.forDirectory(functions).withStateDir(tmp.resolve("state")))) {
            Gateway gateway = Gateway.create(GatewayConfig.defaults().withPort(0), faas)
                    .mountHandler("/_faas/slow-stream", stream);
            gateway.start();
            try (Socket slow = new Socket()) {
                slow.setReceiveBufferSize(4096); // a small window: the server's writes stall after a few KB
                slow.connect(new InetSocketAddress("127.0.0.1", URI.create(gateway.url()).getPort()));
                OutputStream request = slow.getOutputStream();
                request.write(("GET /_faas/slow-stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                request.flush();
                slow.setSoTimeout(20_000);
                await().atMost(Duration.ofSeconds(10)).until(() -> sinks.size() == 1);
                Consumer<String> sink = sinks.get(0);
                sink.accept("{\"first\":true}"); // the response starts with the first update, as the live feed's
                InputStream in = slow.getInputStream();
                byte[] head = in.readNBytes(12);
                assertEquals("HTTP/1.1 200", new String(head, StandardCharsets.US_ASCII));

                // the client reads nothing more: 200 updates of 64 KB (12.5 MB) are offered as fast as they come
                String update = "{\"pad\":\"" + "x".repeat(64 * 1024) + "\"}";
                long start = System.nanoTime();
                for (int i = 0; i < 200; i++) {
                    sink.accept(update);
                }
                long offeredMs = (System.nanoTime() - start) / 1_000_000;
                assertTrue(offeredMs < 5_000, "offering to a stalled client must not wait on it: took " + offeredMs + " ms");
                assertTrue(stream.dropped() >= 150, "a stalled client's updates are dropped, not queued: dropped "
                        + stream.dropped());

                HttpClient http = HttpClient.newHttpClient();
                for (int i = 0; i < 20; i++) {
                    HttpResponse<String> hello = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/hello"))
                            .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, hello.statusCode(), hello.body());
                }
                assertEquals(1, stream.open(), "the stalled client is still connected while invocations are answered");
            } finally {
                gateway.stop();
            }
        }
    }
}
