package dev.localfaas.runtime.trigger.bus;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.trigger.PubSubGateway;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event buses through the running gateway, with a target JAR that reads the envelope with the AWS events library. */
class BusDeliveryTest {

    @TempDir
    Path tmp;

    private static String order(int amount) {
        return "{\"source\": \"orders\", \"detail-type\": \"OrderPlaced\", \"detail\": {\"orderId\": \"o-" + amount
                + "\", \"amount\": " + amount + "}, \"resources\": [\"arn:aws:s3:::orders\"]}";
    }

    @Test
    void aRuleOnTheDefaultBusInvokesItsFunctionWithTheEventBridgeEnvelope() {
        try (PubSubGateway faas = PubSubGateway.start(tmp, List.of(), "fixtures-pubsub.jar")) {
            JsonNode big = faas.post("/_faas/buses/default/events", order(150));
            JsonNode small = faas.post("/_faas/buses/default/events", order(50));
            assertEquals(1, big.at("/entries/0/matchedRules").asInt(), big.toString());
            assertEquals(0, small.at("/entries/0/matchedRules").asInt(), small.toString());
            await().atMost(20, TimeUnit.SECONDS).until(() -> faas.invocationsOf("event-echo").size() == 1);
            InvocationResult result = faas.invocationsOf("event-echo").get(0);
            assertEquals(Trigger.EVENT, result.trigger());
            JsonNode event = PubSubGateway.json(new String(result.payload(), StandardCharsets.UTF_8));
            assertEquals(big.at("/entries/0/eventId").asText(), event.get("id").asText(), event.toString());
            assertEquals("0", event.get("version").asText());
            assertEquals("OrderPlaced", event.get("detail-type").asText());
            assertEquals("orders", event.get("source").asText());
            assertEquals("123456789012", event.get("account").asText());
            assertEquals("us-east-1", event.get("region").asText());
            assertTrue(event.get("time").asText().startsWith("20"), event.toString());
            assertEquals("arn:aws:s3:::orders", event.at("/resources/0").asText());
            assertEquals(150, event.at("/detail/amount").asInt());

            JsonNode rule = faas.get("/_faas/rules").at("/rules/0");
            assertEquals("large-orders", rule.get("name").asText());
            assertEquals("arn:aws:events:us-east-1:123456789012:rule/large-orders", rule.get("arn").asText());
            assertEquals(1, rule.at("/counts/matched").asInt(), rule.toString());
            assertEquals(1, rule.at("/counts/filtered").asInt(), rule.toString());
            await().atMost(10, TimeUnit.SECONDS).until(() -> faas.get("/_faas/rules").at("/rules/0/counts/delivered").asInt() == 1);
        }
    }

    @Test
    void aCustomBusRuleShapesItsInputForQueueTargets() {
        try (PubSubGateway faas = PubSubGateway.start(tmp, List.of(), "fixtures-pubsub.jar")) {
            faas.post("/_faas/buses/billing", "");
            HttpResponse<String> created = faas.send("POST", "/_faas/rules", """
                    {"bus": "billing", "name": "paid", "pattern": {"detail-type": [{"prefix": "Order"}]},
                     "targets": [{"queue": "details", "inputPath": "$.detail"},
                                 {"queue": "shaped", "inputTransformer": {
                                     "inputPathsMap": {"amount": "$.detail.amount", "src": "$.source"},
                                     "inputTemplate": "{\\"text\\": \\"<src> paid <amount>\\", \\"amount\\": <amount>, \\"rule\\": \\"<aws.events.rule-name>\\"}"}}]}
                    """);
            assertEquals(201, created.statusCode(), created.body());
            faas.post("/_faas/buses/billing/events", order(150));
            assertEquals("{\"orderId\":\"o-150\",\"amount\":150}", faas.queues.backend().peek("details", 10).get(0).body());
            assertEquals("{\"text\": \"orders paid 150\", \"amount\": 150, \"rule\": \"paid\"}",
                    faas.queues.backend().peek("shaped", 10).get(0).body());
            assertEquals(0, faas.invocationsOf("event-echo").size(), "the default bus's rule sees only default-bus events");
        }
    }

    @Test
    void badRequestsAreRefusedInOneLine() {
        try (PubSubGateway faas = PubSubGateway.start(tmp, List.of(), "fixtures-pubsub.jar")) {
            HttpResponse<String> noBus = faas.send("POST", "/_faas/buses/nowhere/events", order(1));
            assertEquals(400, noBus.statusCode());
            assertEquals("no event bus nowhere; create it (POST /_faas/buses/nowhere) or declare a rule on it, or use the"
                    + " default bus", PubSubGateway.json(noBus.body()).get("message").asText());
            HttpResponse<String> badPattern = faas.send("POST", "/_faas/rules",
                    "{\"name\": \"oops\", \"pattern\": {\"source\": \"orders\"}, \"targets\": [{\"queue\": \"q\"}]}");
            assertEquals(400, badPattern.statusCode());
            assertEquals("POST /_faas/rules: rule oops on bus default: event pattern key \"source\" must be an array of"
                    + " values, like \"source\": [\"orders\"]", PubSubGateway.json(badPattern.body()).get("message").asText());
            HttpResponse<String> badTemplate = faas.send("POST", "/_faas/rules", "{\"name\": \"t\", \"pattern\": {\"source\":"
                    + " [\"x\"]}, \"targets\": [{\"queue\": \"q\", \"inputTransformer\": {\"inputPathsMap\": {},"
                    + " \"inputTemplate\": \"<who>\"}}]}");
            assertEquals("POST /_faas/rules: rule t on bus default: InputTemplate of target queue:q uses <who>, which"
                    + " InputPathsMap does not define; add \"who\": \"$.detail...\"",
                    PubSubGateway.json(badTemplate.body()).get("message").asText());
        }
    }
}
