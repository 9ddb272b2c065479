package dev.localfaas.runtime.trigger.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.function.ScheduleSpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduledEventFactoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScheduledEventFactory events = new ScheduledEventFactory("us-east-2", "123456789012");

    @Test
    void theEventHasEveryFieldOfEventBridgesScheduledEvent() throws Exception {
        Instant moment = Instant.parse("2019-03-01T01:23:45.678Z");
        JsonNode event = JSON.readTree(events.event("my-schedule", moment));
        assertEquals(List.of("version", "id", "detail-type", "source", "account", "time", "region", "resources",
                "detail"), fieldNames(event));
        assertEquals("0", event.get("version").asText());
        assertEquals(36, event.get("id").asText().length());
        assertEquals("Scheduled Event", event.get("detail-type").asText());
        assertEquals("aws.events", event.get("source").asText());
        assertEquals("123456789012", event.get("account").asText());
        assertEquals("2019-03-01T01:23:45Z", event.get("time").asText());
        assertEquals("us-east-2", event.get("region").asText());
        assertEquals("arn:aws:events:us-east-2:123456789012:rule/my-schedule", event.get("resources").get(0).asText());
        assertEquals(1, event.get("resources").size());
        assertTrue(event.get("detail").isObject() && event.get("detail").isEmpty());
    }

    @Test
    void eachFiringHasItsOwnEventId() throws Exception {
        Instant moment = Instant.parse("2027-01-31T12:00:00Z");
        assertNotEquals(JSON.readTree(events.event("r", moment)).get("id"), JSON.readTree(events.event("r", moment)).get("id"));
    }

    @Test
    void aConstantInputReplacesTheEvent() {
        ScheduleSpec spec = new ScheduleSpec("rate(5 minutes)", "{\"job\":\"cleanup\"}", true);
        byte[] payload = events.payload(spec, "r", Instant.parse("2027-01-31T12:00:00Z"));
        assertEquals("{\"job\":\"cleanup\"}", new String(payload, StandardCharsets.UTF_8));
    }

    @Test
    void anEmptyInputMeansTheEvent() throws Exception {
        ScheduleSpec spec = new ScheduleSpec("rate(5 minutes)", "", true);
        JsonNode event = JSON.readTree(events.payload(spec, "tick-schedule", Instant.parse("2027-01-31T12:00:00Z")));
        assertEquals("Scheduled Event", event.get("detail-type").asText());
    }

    @Test
    void aConstantInputThatIsNotJsonIsRejectedWithTheFix() {
        ScheduleSpec spec = new ScheduleSpec("rate(5 minutes)", "{job: cleanup}", true);
        ScheduleExpressionException e = assertThrows(ScheduleExpressionException.class,
                () -> ScheduledEventFactory.checkInput(spec));
        assertTrue(e.getMessage().startsWith("rate(5 minutes): the constant input is not valid JSON ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("); fix input = \"...\" in @ScheduleTrigger, or leave it empty for the "
                + "event"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
