package dev.localfaas.runtime.trigger.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.function.ScheduleSpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Builds what EventBridge delivers to a scheduled target: the "Scheduled Event" JSON (the shape
 * {@code com.amazonaws.services.lambda.runtime.events.ScheduledEvent} reads), or the rule's constant input instead.
 */
public final class ScheduledEventFactory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String region;
    private final String account;

    public ScheduledEventFactory(String region, String account) {
        this.region = region;
        this.account = account;
    }

    /** The ARN of a rule: {@code arn:aws:events:us-east-1:123456789012:rule/tick-schedule}. */
    public String ruleArn(String ruleName) {
        return "arn:aws:events:" + region + ":" + account + ":rule/" + ruleName;
    }

    /** The payload of one firing: the constant input when the schedule has one, else the scheduled event. */
    public byte[] payload(ScheduleSpec schedule, String ruleName, Instant scheduledTime) {
        if (schedule.input() != null && !schedule.input().isBlank()) {
            return schedule.input().getBytes(StandardCharsets.UTF_8);
        }
        return event(ruleName, scheduledTime);
    }

    /** The scheduled event for one firing; {@code time} is the scheduled moment, to the second, in UTC. */
    public byte[] event(String ruleName, Instant scheduledTime) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", account);
        event.put("time", scheduledTime.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", region);
        event.putArray("resources").add(ruleArn(ruleName));
        event.putObject("detail");
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a scheduled event", e);
        }
    }

    /**
     * Checks a constant input as EventBridge does when the target is created: it must be JSON.
     *
     * @throws ScheduleExpressionException naming the expression and the JSON problem
     */
    static void checkInput(ScheduleSpec schedule) {
        if (schedule.input() == null || schedule.input().isBlank()) {
            return;
        }
        try {
            JSON.readTree(schedule.input());
        } catch (JsonProcessingException e) {
            String problem = e.getOriginalMessage().lines().findFirst().orElse("malformed");
            throw new ScheduleExpressionException(schedule.expression(), "the constant input is not valid JSON ("
                    + problem + "); fix input = \"...\" in @ScheduleTrigger, or leave it empty for the event");
        }
    }
}
