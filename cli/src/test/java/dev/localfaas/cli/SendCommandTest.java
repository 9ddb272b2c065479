package dev.localfaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.trigger.queue.QueueAdminHandler;
import dev.localfaas.runtime.trigger.queue.ReceiveRequest;
import dev.localfaas.runtime.trigger.queue.ReceivedMessage;
import dev.localfaas.runtime.trigger.queue.SqliteQueueBackend;
import io.undertow.Undertow;
import io.undertow.server.handlers.PathHandler;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SendCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    /** Runs faas in-process; output without the trailing newline. */
    static Run faas(String... args) {
        CliRun run = CliRun.of(args);
        return new Run(run.exitCode(), run.out().strip(), run.err().strip());
    }

    /** A loopback URL where nothing listens. */
    static String deadUrl() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    private static List<ReceivedMessage> drain(Path functionsDir) {
        try (SqliteQueueBackend queues = SqliteQueueBackend.open(SqliteQueueBackend.defaultFile(functionsDir), n -> { })) {
            return queues.receive(ReceiveRequest.of("orders", 10, Duration.ofMinutes(1)), Duration.ZERO);
        }
    }

    @Test
    void withoutAGatewayTheMessageGoesStraightIntoTheQueueDatabase() throws Exception {
        String url = deadUrl();

        Run run = faas("send", "orders", "{\"id\":1}", "--attribute", "source=cli", "--url", url, "--dir", dir.toString());

        assertEquals(0, run.code(), run.err());
        List<ReceivedMessage> got = drain(dir);
        assertEquals(1, got.size());
        assertEquals(run.out(), got.get(0).messageId());
        assertEquals("{\"id\":1}", got.get(0).body());
        assertEquals("cli", got.get(0).attributes().get("source").stringValue());
        assertEquals("faas: no gateway at " + url + "; stored the message in "
                + SqliteQueueBackend.defaultFile(dir).toAbsolutePath(), run.err());
    }

    @Test
    void withAGatewayTheMessageGoesThroughItsAdminApi() throws Exception {
        Path gatewayDir = Files.createDirectory(dir.resolve("gateway"));
        try (SqliteQueueBackend queues = SqliteQueueBackend.open(SqliteQueueBackend.defaultFile(gatewayDir), n -> { })) {
            Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(new PathHandler()
                    .addPrefixPath(QueueAdminHandler.PREFIX, new QueueAdminHandler(queues, List::of))).build();
            server.start();
            try {
                int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();

                Run run = faas("send", "orders", "--message", "via http", "--url", "http://127.0.0.1:" + port,
                        "--dir", dir.toString());

                assertEquals(0, run.code(), run.err());
                assertEquals("", run.err());
                ReceivedMessage m = queues.receive(ReceiveRequest.of("orders", 10, Duration.ofMinutes(1)), Duration.ZERO)
                        .get(0);
                assertEquals(run.out(), m.messageId());
                assertEquals("via http", m.body());
                assertFalse(Files.exists(dir.resolve(".faas")), "nothing written locally");
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void theMessageCanComeFromAFileOrStandardInput() throws Exception {
        String url = deadUrl();
        Path order = Files.writeString(dir.resolve("order.json"), "{\"from\":\"file\"}");
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream("from stdin".getBytes(StandardCharsets.UTF_8)));
        try {
            assertEquals(0, faas("send", "orders", "--file", order.toString(), "--url", url, "--dir", dir.toString()).code());
            assertEquals(0, faas("send", "orders", "-", "--url", url, "--dir", dir.toString()).code());
        } finally {
            System.setIn(stdin);
        }

        assertEquals(List.of("{\"from\":\"file\"}", "from stdin").stream().sorted().toList(),
                drain(dir).stream().map(ReceivedMessage::body).sorted().toList());
    }

    @Test
    void mistakesEndWithOneLineAndExitCode2() throws Exception {
        String url = deadUrl();

        Run none = faas("send", "orders", "--url", url, "--dir", dir.toString());
        assertEquals(2, none.code());
        assertEquals("faas: no message given; pass it as text (faas send orders 'hello'), with --file FILE,"
                + " or - to read standard input", none.err());

        Run badName = faas("send", "my orders", "x", "--url", url, "--dir", dir.toString());
        assertEquals(2, badName.code());
        assertEquals("faas: queue name 'my orders' is invalid; use 1 to 80 letters, digits, hyphens or underscores",
                badName.err());

        Run noFile = faas("send", "orders", "--file", dir.resolve("missing.json").toString(), "--url", url);
        assertEquals(2, noFile.code());
        assertEquals("faas: " + dir.resolve("missing.json") + ": no such file; check the path given to --file",
                noFile.err());

        Run badDelay = faas("send", "orders", "x", "--delay", "1000", "--url", url, "--dir", dir.toString());
        assertEquals(2, badDelay.code());
        assertEquals("faas: delay PT16M40S is out of range; use 0 to 900 seconds", badDelay.err());

        Run noDir = faas("send", "orders", "x", "--url", url, "--dir", dir.resolve("nope").toString());
        assertEquals(2, noDir.code());
        assertEquals("faas: no gateway at " + url + " and " + dir.resolve("nope") + " is not a directory;"
                + " start faas run, or pass --dir with your functions directory", noDir.err());
        assertTrue(none.out().isEmpty());
    }
}
