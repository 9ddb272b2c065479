package dev.localfaas.cli;

import static dev.localfaas.cli.SendCommandTest.deadUrl;
import static dev.localfaas.cli.SendCommandTest.faas;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.localfaas.runtime.trigger.queue.ConsumerInfo;
import dev.localfaas.runtime.trigger.queue.OutgoingMessage;
import dev.localfaas.runtime.trigger.queue.QueueAdminHandler;
import dev.localfaas.runtime.trigger.queue.SqliteQueueBackend;
import io.undertow.Undertow;
import io.undertow.server.handlers.PathHandler;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueuesCommandTest {

    @TempDir
    Path dir;

    @Test
    void withoutAGatewayTheCountsComeFromTheQueueDatabase() throws Exception {
        String url = deadUrl();
        faas("send", "orders", "one", "--url", url, "--dir", dir.toString());
        faas("send", "orders", "two", "--delay", "600", "--url", url, "--dir", dir.toString());

        SendCommandTest.Run run = faas("queues", "--url", url, "--dir", dir.toString());

        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(List.of("QUEUE", "VISIBLE", "IN-FLIGHT", "DELAYED", "DEAD-LETTER", "QUEUE", "CONSUMERS"),
                List.of(lines.get(0).split("\\s+")));
        assertEquals(List.of("orders", "1", "0", "1", "-", "(no", "gateway", "running)"), List.of(lines.get(1).split("\\s+")));
    }

    @Test
    void withAGatewayItShowsTheConsumersToo() throws Exception {
        try (SqliteQueueBackend queues = SqliteQueueBackend.open(dir.resolve("queues.db"), n -> { })) {
            queues.declare("orders", Optional.of("orders-dlq"));
            queues.send("orders", OutgoingMessage.of("x"));
            List<ConsumerInfo> consumers = List.of(new ConsumerInfo("orders-worker", "orders", 10, 0, 5, 0, 0, 0, 0, 0));
            Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(new PathHandler()
                    .addPrefixPath(QueueAdminHandler.PREFIX, new QueueAdminHandler(queues, () -> consumers))).build();
            server.start();
            try {
                int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();

                SendCommandTest.Run run = faas("queues", "--url", "http://127.0.0.1:" + port);

                assertEquals(0, run.code(), run.err());
                List<String> lines = run.out().lines().toList();
                assertEquals(List.of("orders", "1", "0", "0", "orders-dlq", "orders-worker"), List.of(lines.get(1).split("\\s+")));
                assertEquals(List.of("orders-dlq", "0", "0", "0", "-", "-"), List.of(lines.get(2).split("\\s+")));
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void withNeitherItSaysThereAreNoQueuesAndCreatesNothing() throws Exception {
        SendCommandTest.Run run = faas("queues", "--url", deadUrl(), "--dir", dir.toString());

        assertEquals(0, run.code(), run.err());
        assertEquals("no queues yet: a queue exists once a @QueueTrigger names it or a message is sent to it", run.out());
        assertFalse(Files.exists(dir.resolve(".faas")));
    }
}
