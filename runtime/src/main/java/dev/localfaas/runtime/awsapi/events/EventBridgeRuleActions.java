package dev.localfaas.runtime.awsapi.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.awsapi.AwsCall;
import dev.localfaas.runtime.awsapi.Numbers;
import dev.localfaas.runtime.trigger.bus.BusRequestException;
import dev.localfaas.runtime.trigger.bus.EventBuses;
import dev.localfaas.runtime.trigger.bus.RuleInfo;
import dev.localfaas.runtime.trigger.bus.RuleSpec;
import java.util.List;

/** EventBridge's rule actions over the buses' rules: the same ones that {@code @EventRule}s and templates declare. */
final class EventBridgeRuleActions {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final EventBuses buses;

    EventBridgeRuleActions(EventBuses buses) {
        this.buses = buses;
    }

    /** The bus a call names; ResourceNotFoundException when there is none. */
    String existingBus(AwsCall call, String member) {
        String bus = EventBridgeNames.bus(call, member);
        if (!buses.busExists(bus)) {
            throw EventBridgeErrors.notFound("Event bus " + bus + " does not exist.");
        }
        return bus;
    }

    /** The rule a call names on its bus; ResourceNotFoundException when there is none. */
    RuleSpec existingRule(AwsCall call, String member) {
        String bus = existingBus(call, "EventBusName");
        String name = EventBridgeNames.name(call, member);
        return buses.rule(bus, name).orElseThrow(() -> EventBridgeErrors.notFound("Rule " + name
                + " does not exist on EventBus " + bus + "."));
    }

    ObjectNode put(AwsCall call) {
        String name = EventBridgeNames.name(call, "Name");
        String bus = existingBus(call, "EventBusName");
        if (call.text("ScheduleExpression") != null) {
            throw EventBridgeErrors.validation("ScheduleExpression is not served through the EventBridge API by"
                    + " localfaas; declare the schedule with @Schedule or a template Schedule event");
        }
        String pattern = call.text("EventPattern");
        if (pattern == null || pattern.isBlank()) {
            throw EventBridgeErrors.validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        String state = call.text("State");
        if (state != null && !state.equals("ENABLED")) {
            throw EventBridgeErrors.validation("State " + state + " is not supported by localfaas (rules are always"
                    + " ENABLED); remove the rule's targets or delete it instead");
        }
        try {
            RuleInfo rule = buses.defineRule(bus, name, pattern);
            ObjectNode out = NODES.objectNode();
            out.put("RuleArn", rule.arn());
            return out;
        } catch (BusRequestException e) {
            String message = e.getMessage();
            throw EventBridgeErrors.invalidPattern(message.substring(message.indexOf(": ", message.indexOf("rule ")) + 2));
        }
    }

    ObjectNode describe(AwsCall call) {
        RuleSpec spec = existingRule(call, "Name");
        ObjectNode out = rule(spec);
        out.put("CreatedBy", buses.ruleArn(spec.bus(), spec.name()).split(":")[4]);
        return out;
    }

    ObjectNode list(AwsCall call) {
        String bus = existingBus(call, "EventBusName");
        String prefix = call.text("NamePrefix") == null ? "" : call.text("NamePrefix");
        int limit = Numbers.inRange(call.integer("Limit", 100), 1, 100, "Limit");
        int from = start(call.text("NextToken"));
        List<RuleSpec> all = buses.rules().stream().filter(r -> r.bus().equals(bus) && r.name().startsWith(prefix))
                .map(r -> buses.rule(r.bus(), r.name()).orElse(null)).filter(r -> r != null).toList();
        ObjectNode out = NODES.objectNode();
        ArrayNode rules = out.putArray("Rules");
        all.stream().skip(from).limit(limit).forEach(r -> rules.add(rule(r)));
        if (from + limit < all.size()) {
            out.put("NextToken", Integer.toString(from + limit));
        }
        return out;
    }

    ObjectNode delete(AwsCall call) {
        String bus = existingBus(call, "EventBusName");
        String name = EventBridgeNames.name(call, "Name");
        RuleSpec spec = buses.rule(bus, name).orElse(null);
        if (spec != null && !spec.targets().isEmpty() && !call.input().path("Force").asBoolean(false)) {
            throw EventBridgeErrors.validation("Rule can't be deleted since it has targets.");
        }
        buses.deleteRule(bus, name);
        return null;
    }

    private ObjectNode rule(RuleSpec spec) {
        ObjectNode r = NODES.objectNode();
        r.put("Name", spec.name());
        r.put("Arn", buses.ruleArn(spec.bus(), spec.name()));
        r.put("EventPattern", spec.pattern());
        r.put("State", "ENABLED");
        if (!spec.declaredBy().isEmpty() && !spec.declaredBy().startsWith("events:")) {
            r.put("Description", "declared by " + spec.declaredBy());
        }
        r.put("EventBusName", spec.bus());
        return r;
    }

    static int start(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(token));
        } catch (NumberFormatException e) {
            throw EventBridgeErrors.validation("The NextToken '" + token + "' is not valid.");
        }
    }
}
