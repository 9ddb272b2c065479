package dev.localfaas.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The requests a web page could make against {@code faas run} (DNS rebinding, cross-site {@code text/plain} POSTs)
 * are refused with 403 and change nothing; same-origin pages and the CLI's own clients are served.
 */
class BrowserSafetyRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Everything a page could do to the user's gateway before: invoke, send, redrive, fire. */
    private static final List<String> STATE_CHANGING = List.of("/2015-03-31/functions/hello/invocations",
            "/_faas/queues/orders-dlq/messages", "/_faas/queues/orders-dlq/redrive", "/_faas/schedules/tick/fire");

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CountDownLatch stop = new CountDownLatch(1);
    private CompletableFuture<Integer> exit;
    private int port;
    private String url;

    private void start(String... extra) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("functions"));
        for (String jar : new String[] {"tick.jar", "orders-worker.jar", "hello.jar"}) {
            Files.copy(CliRun.samples().resolve(jar), dir.resolve(jar));
        }
        CommandLine cli = Faas.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        ((RunCommand) cli.getSubcommands().get("run").getCommandSpec().userObject()).stop = stop::await;
        List<String> args = new ArrayList<>(List.of("run", dir.toString(), "--port", "0", "--no-watch"));
        args.addAll(List.of(extra));
        exit = CompletableFuture.supplyAsync(() -> cli.execute(args.toArray(String[]::new)));
        Pattern ready = Pattern.compile("Ready on http://[0-9.]+:(\\d+)");
        await().atMost(30, TimeUnit.SECONDS).until(() -> ready.matcher(out()).find() || exit.isDone());
        Matcher m = ready.matcher(out());
        assertTrue(m.find(), out() + err());
        port = Integer.parseInt(m.group(1));
        url = "http://127.0.0.1:" + port;
    }

    @AfterEach
    void stopServer() throws Exception {
        stop.countDown();
        assertEquals(0, exit.get(30, TimeUnit.SECONDS), err());
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** A POST as a browser sends it, {@code text/plain} so that no CORS preflight stops it first. */
    private String browserPost(String path, String host, String origin) {
        String body = "{\"name\":\"page\"}";
        String request = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nOrigin: " + origin
                + "\r\nContent-Type: text/plain\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
                + body;
        try (Socket socket = new Socket("127.0.0.1", port); InputStream in = socket.getInputStream()) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    private JsonNode queue(String name) throws Exception {
        CliRun queues = CliRun.of("queues", "--url", url);
        assertEquals(0, queues.exitCode(), queues.err());
        for (JsonNode q : JSON.readTree(new java.net.URL(url + "/_faas/queues")).get("queues")) {
            if (q.get("name").asText().equals(name)) {
                return q;
            }
        }
        return JSON.missingNode();
    }

    @Test
    void pagesOfOtherSitesChangeNothingWhileSameOriginAndTheCliAreServed() throws Exception {
        start();
        for (String path : STATE_CHANGING) {
            String rebinding = browserPost(path, "evil.example:" + port, "http://evil.example:" + port);
            assertEquals(403, status(rebinding), path + ": " + rebinding);
            assertTrue(rebinding.contains("protection against DNS rebinding"), rebinding);
            String crossSite = browserPost(path, "127.0.0.1:" + port, "http://evil.example");
            assertEquals(403, status(crossSite), path + ": " + crossSite);
            assertTrue(crossSite.contains("refused: Origin http://evil.example is not this gateway"), crossSite);
        }
        assertEquals(0, queue("orders-dlq").path("visible").asInt(0));
        assertFalse(out().contains("START RequestId"), "a refused request ran a function:\n" + out());

        for (String path : STATE_CHANGING) {
            String same = browserPost(path, "127.0.0.1:" + port, "http://127.0.0.1:" + port);
            assertEquals(2, status(same) / 100, path + ": " + same);
        }
        CliRun send = CliRun.of("send", "orders-dlq", "from the cli", "--url", url);
        assertEquals(0, send.exitCode(), send.err());
        CliRun invoke = CliRun.of("invoke", "hello", "--url", url);
        assertEquals(0, invoke.exitCode(), invoke.err());
        assertTrue(invoke.out().contains("Hello"), invoke.out());
    }

    @Test
    void onTheNetworkTheCliSendsTheAdminToken() throws Exception {
        start("--host", "0.0.0.0", "--admin-token", "s3cret");
        assertTrue(err().contains("faas: warning: listening on 0.0.0.0, reachable from other machines; /_faas/* and"
                + " the Invoke API require the admin token"), err());
        CliRun refused = CliRun.of("queues", "--url", url);
        assertEquals(ExitCodes.USAGE, refused.exitCode());
        assertTrue(refused.err().contains("/_faas/queues needs the admin token"), refused.err());
        CliRun queues = CliRun.of("queues", "--url", url, "--admin-token", "s3cret");
        assertEquals(0, queues.exitCode(), queues.err());
        CliRun send = CliRun.of("send", "orders-dlq", "with a token", "--url", url, "--admin-token", "s3cret");
        assertEquals(0, send.exitCode(), send.err());
        CliRun invoke = CliRun.of("invoke", "hello", "--url", url, "--admin-token", "s3cret");
        assertEquals(0, invoke.exitCode(), invoke.err());
        CliRun noToken = CliRun.of("invoke", "hello", "--url", url);
        assertEquals(ExitCodes.USAGE, noToken.exitCode());
        assertTrue(noToken.err().contains("UnrecognizedClientException"), noToken.err());
    }
}
