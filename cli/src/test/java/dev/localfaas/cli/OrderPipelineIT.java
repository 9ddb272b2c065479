package dev.localfaas.cli;

import static dev.localfaas.cli.RunningFaas.JSON;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's order pipeline through the shipped {@code faas.jar run}: {@code POST /orders} on orders-rest publishes
 * each order to the {@code order-events} topic with the AWS SDK's {@code SnsClient} (SNS Publish on the gateway); the
 * {@code orders} queue subscribes (raw delivery) and orders-worker consumes every good order once, the poison one,
 * after three receives, waiting in {@code orders-dlq}; orders-audit subscribes with a filter policy and sees only the
 * orders over 100. Nothing is lost, and redrive brings the dead letter back. No assertion depends on the order of
 * delivery.
 */
class OrderPipelineIT {

    private static final int ORDERS = 20;
    private static final int POISON = 7;
    private static final Pattern PROCESSED = Pattern.compile(
            "orders-worker\\s+\\| orders-worker: processed message \\S+: \\{\"orderId\":\"([^\"]+)\"");
    private static final Pattern AUDITED = Pattern.compile("orders-audit: large order in message \\S+ of \\S+: "
            + "\\{\"orderId\":\"([^\"]+)\"");

    @TempDir
    Path tmp;

    @Test
    void everyGoodOrderIsConsumedAndThePoisonOneEndsInTheDeadLetterQueue() throws Exception {
        Path functions = Files.createDirectories(tmp.resolve("functions"));
        for (String jar : List.of("orders-rest.jar", "orders-worker.jar", "orders-audit.jar")) {
            Files.copy(CliRun.samples().resolve(jar), functions.resolve(jar));
        }
        try (RunningFaas faas = RunningFaas.start(functions, tmp, "run")) {
            Set<String> goodOrders = new HashSet<>();
            Set<String> largeOrders = new HashSet<>();
            String poisonOrder = null;
            // orders-rest builds its SnsClient during init: an empty order (400, nothing published) pays that cold
            // start first, again if a loaded machine pushes the init past Lambda's 10 s limit.
            await().atMost(Duration.ofSeconds(90)).until(() -> faas.post("/orders", "").statusCode() == 400);
            for (int i = 0; i < ORDERS; i++) {
                String item = i == POISON ? "poison" : "coffee";
                HttpResponse<String> accepted = faas.post("/orders", "{\"item\":\"" + item + "\",\"n\":" + i
                        + ",\"amount\":" + i * 10 + "}");
                assertEquals(201, accepted.statusCode(), accepted.body());
                JsonNode order = JSON.readTree(accepted.body());
                assertTrue(order.get("published").asBoolean(), "orders-rest published with SnsClient: " + accepted.body());
                String orderId = order.get("orderId").asText();
                if (i == POISON) {
                    poisonOrder = orderId;
                } else {
                    goodOrders.add(orderId);
                }
                if (i * 10 > 100) {
                    largeOrders.add(orderId);
                }
            }

            // Three receives, 5 s of visibility timeout apart, then the dead-letter queue: about 10 s.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
                JsonNode orders = faas.queue("orders");
                return orders.path("visible").asInt(-1) == 0 && orders.path("inFlight").asInt(-1) == 0
                        && orders.path("delayed").asInt(-1) == 0 && faas.queue("orders-dlq").path("visible").asInt() == 1;
            });

            JsonNode worker = faas.queue("orders").get("consumers").get(0);
            assertEquals("orders-worker", worker.get("function").asText());
            assertEquals(ORDERS - 1, worker.get("deletedMessages").asInt(), worker.toString());
            assertEquals(1, worker.get("deadLettered").asInt(), worker.toString());
            // A batch that timed out (a multi-second stall of a loaded machine) is delivered again, as on SQS.
            boolean timedOut = faas.out().contains("Task timed out");
            if (!timedOut) {
                assertEquals(3, worker.get("failedMessages").asInt(), "the poison order failed on each of its receives");
            }

            JsonNode dead = faas.getJson("/_faas/queues/orders-dlq/messages?peek=10").get("messages");
            assertEquals(1, dead.size(), dead.toString());
            String poisonMessage = dead.get(0).get("messageId").asText();
            assertTrue(dead.get(0).get("body").asText().contains(poisonOrder), dead.toString());
            assertEquals("orders", dead.get(0).get("sourceQueue").asText());
            assertTrue(dead.get(0).get("body").asText().contains("\"item\":\"poison\""), dead.toString());

            Set<String> processed = processedMessages(PROCESSED, faas.out(), timedOut);
            assertEquals(goodOrders, processed, "each good order consumed, none lost, the poison one never");
            await().atMost(Duration.ofSeconds(30)).until(() -> processedMessages(AUDITED, faas.out(), true).size() == largeOrders.size());
            assertEquals(largeOrders, processedMessages(AUDITED, faas.out(), false), "the audit saw the large orders only");
            JsonNode subscriptions = faas.getJson("/_faas/topics/order-events").get("subscriptions");
            for (JsonNode s : subscriptions) {
                boolean audit = s.get("target").asText().equals("function:orders-audit");
                assertEquals(audit ? largeOrders.size() : ORDERS, s.at("/counts/matched").asInt(), s.toString());
                assertEquals(audit ? ORDERS - largeOrders.size() : 0, s.at("/counts/filtered").asInt(), s.toString());
            }
            for (int receive = 1; receive <= 3; receive++) {
                assertTrue(faas.out().contains("cannot process message " + poisonMessage + " (receive " + receive + ")"),
                        faas.out());
            }
            assertTrue(faas.err().contains("faas: orders-worker: moved 1 message(s) of queue orders to dead-letter"
                    + " queue orders-dlq after 3 receives"), faas.err());

            HttpResponse<String> redrive = faas.post("/_faas/queues/orders-dlq/redrive", "");
            assertEquals(200, redrive.statusCode(), redrive.body());
            assertEquals(1, JSON.readTree(redrive.body()).get("moved").asInt());
            assertEquals(0, faas.queue("orders-dlq").get("visible").asInt());
            JsonNode back = faas.getJson("/_faas/queues/orders/messages?peek=10").get("messages");
            assertEquals(poisonMessage, back.get(0).get("messageId").asText(), back.toString());

            assertEquals(0, faas.stop(), faas.err());
        }
    }

    private static Set<String> processedMessages(Pattern line, String out, boolean duplicatesAllowed) {
        Set<String> ids = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        Matcher m = line.matcher(out);
        while (m.find()) {
            if (!ids.add(m.group(1))) {
                duplicates.add(m.group(1));
            }
        }
        if (!duplicatesAllowed) {
            assertEquals(List.of(), duplicates, "no crash and no timeout, so no message is processed twice");
        }
        return ids;
    }
}
