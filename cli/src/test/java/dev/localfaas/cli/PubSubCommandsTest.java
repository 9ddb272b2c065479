package dev.localfaas.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code faas publish}, {@code faas topics}, {@code faas events put} and {@code faas rules} against a running faas run. */
class PubSubCommandsTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CountDownLatch stop = new CountDownLatch(1);
    private CompletableFuture<Integer> exit;
    private String url;

    @BeforeEach
    void start() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("functions"));
        for (String jar : new String[] {"orders-worker.jar", "orders-audit.jar", "tick.jar"}) {
            Files.copy(CliRun.samples().resolve(jar), dir.resolve(jar));
        }
        CommandLine cli = Faas.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        ((RunCommand) cli.getSubcommands().get("run").getCommandSpec().userObject()).stop = stop::await;
        exit = CompletableFuture.supplyAsync(() -> cli.execute("run", dir.toString(), "--port", "0", "--no-watch",
                "--retry-delay", "1s", "--subscribe", "order-events=queue:audit-copies:raw"));
        Pattern ready = Pattern.compile("Ready on (http://127\\.0\\.0\\.1:\\d+)");
        await().atMost(20, TimeUnit.SECONDS).until(() -> ready.matcher(out.toString(StandardCharsets.UTF_8)).find() || exit.isDone());
        Matcher m = ready.matcher(out.toString(StandardCharsets.UTF_8));
        assertTrue(m.find(), out + " " + err);
        url = m.group(1);
    }

    @AfterEach
    void stopServer() throws Exception {
        stop.countDown();
        assertEquals(0, exit.get(30, TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void publishesListsTopicsPutsEventsAndListsRules() {
        CliRun big = CliRun.of("publish", "order-events", "--message", "{\"orderId\":\"o1\",\"order\":{\"amount\":150}}",
                "--attr", "eventType=OrderPlaced", "--url", url);
        assertEquals(0, big.exitCode(), big.err());
        assertTrue(big.out().matches("[0-9a-f-]{36}  matched 3, filtered 0\\R"), big.out());
        CliRun small = CliRun.of("publish", "order-events", "--message", "{\"orderId\":\"o2\",\"order\":{\"amount\":5}}",
                "--url", url);
        assertTrue(small.out().endsWith("  matched 2, filtered 1" + System.lineSeparator()), small.out());
        await().atMost(20, TimeUnit.SECONDS).until(() -> out.toString(StandardCharsets.UTF_8).contains(
                "orders-audit: large order in message " + big.out().substring(0, 36)));

        CliRun topics = CliRun.of("topics", "--url", url);
        assertEquals(0, topics.exitCode(), topics.err());
        assertTrue(topics.out().contains("order-events (2)"), topics.out());
        assertTrue(topics.out().contains("queue:orders (raw)"), topics.out());
        assertTrue(topics.out().contains("queue:audit-copies (raw)"), topics.out());
        assertTrue(topics.out().matches("(?s).*function:orders-audit\\s+1\\s+1\\s+\\d\\s+0\\s+\\{\"order\".*\\(body\\).*"),
                topics.out());

        CliRun put = CliRun.of("events", "put", "--source", "orders", "--detail-type", "OrderPlaced", "--detail",
                "{\"amount\": 1}", "--url", url);
        assertEquals(0, put.exitCode(), put.err());
        assertTrue(put.out().endsWith("  matched 0 rules" + System.lineSeparator()), put.out());

        CliRun rules = CliRun.of("rules", "--url", url);
        assertEquals(0, rules.exitCode(), rules.err());
        assertTrue(rules.out().matches("(?s).*default\\s+tick-schedule\\S*\\s+function:tick\\s.*rate\\(1 minute\\).*"), rules.out());
    }

    @Test
    void mistakesAreOneLineErrors() {
        CliRun noGateway = CliRun.of("publish", "t", "--message", "m", "--url", "http://127.0.0.1:1");
        assertEquals(2, noGateway.exitCode());
        assertEquals("faas: no gateway at http://127.0.0.1:1; topics live in a running faas run: start one, or pass --url"
                + System.lineSeparator(), noGateway.err());
        CliRun badNumber = CliRun.of("publish", "t", "--message", "m", "--attr", "amount=Number:lots", "--url", url);
        assertEquals("faas: --attr amount=Number:lots: message attribute value 'lots' is not a number; give a Number"
                + " attribute digits, like 150 or 3.015e2" + System.lineSeparator(), badNumber.err());
        CliRun fifo = CliRun.of("publish", "t.fifo", "--message", "m", "--url", url);
        assertEquals("faas: topic t.fifo is a FIFO topic; give every message a MessageGroupId (--group-id): messages of one"
                + " group are delivered in order" + System.lineSeparator(), fifo.err());
        CliRun detail = CliRun.of("events", "put", "--source", "s", "--detail-type", "t", "--detail", "[1]", "--url", url);
        assertEquals("faas: --detail is not a JSON object; write it like --detail '{\"orderId\": 7}'" + System.lineSeparator(),
                detail.err());
        CliRun bus = CliRun.of("events", "put", "--bus", "nope", "--source", "s", "--detail-type", "t", "--url", url);
        assertEquals("faas: no event bus nope; create it (POST /_faas/buses/nope) or declare a rule on it, or use the"
                + " default bus" + System.lineSeparator(), bus.err());
        CliRun subscribe = CliRun.of("run", tmp.toString(), "--subscribe", "orders");
        assertEquals(2, subscribe.exitCode());
        assertEquals("faas: --subscribe orders is not TOPIC=queue:NAME[:raw] or TOPIC=function:NAME; write it like"
                + " --subscribe orders=queue:audit:raw" + System.lineSeparator(), subscribe.err());
    }
}
