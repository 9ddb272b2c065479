package dev.localfaas.runtime.awsapi.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.awsapi.AwsCall;
import dev.localfaas.runtime.trigger.bus.BusRequestException;
import dev.localfaas.runtime.trigger.bus.EventBuses;
import dev.localfaas.runtime.trigger.bus.RuleSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code PutTargets}, {@code ListTargetsByRule}, {@code RemoveTargets}: a rule's function and queue targets. */
final class EventBridgeTargetActions {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final EventBuses buses;
    private final EventBridgeRuleActions rules;
    private final EventBridgeNames names;

    EventBridgeTargetActions(EventBuses buses, EventBridgeRuleActions rules, EventBridgeNames names) {
        this.buses = buses;
        this.rules = rules;
        this.names = names;
    }

    ObjectNode put(AwsCall call) {
        RuleSpec rule = rules.existingRule(call, "Rule");
        JsonNode given = call.input().path("Targets");
        if (!given.isArray() || given.isEmpty() || given.size() > 10) {
            throw EventBridgeErrors.validation("1 validation error detected: Value at 'targets' failed to satisfy"
                    + " constraint: Member must have length between 1 and 10");
        }
        List<RuleSpec.RuleTarget> targets = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode t : given) {
            String id = EventBridgeNames.checkedName(t.path("Id").asText(null), "Id");
            if (!ids.add(id)) {
                throw EventBridgeErrors.validation("The target id " + id + " is given twice; give each target its own Id.");
            }
            if (t.hasNonNull("Input")) {
                throw EventBridgeErrors.validation("Input (a constant) is not supported by localfaas; use an"
                        + " InputTransformer whose InputTemplate is the constant, or InputPath");
            }
            JsonNode transformer = t.path("InputTransformer");
            RuleSpec.InputTransformerSpec shaping = null;
            if (transformer.isObject()) {
                Map<String, String> paths = new LinkedHashMap<>();
                transformer.path("InputPathsMap").fields().forEachRemaining(e -> paths.put(e.getKey(), e.getValue().asText()));
                shaping = new RuleSpec.InputTransformerSpec(paths, transformer.path("InputTemplate").asText(""));
            }
            targets.add(new RuleSpec.RuleTarget(EventBridgeNames.target(t.path("Arn").asText(null)),
                    t.path("InputPath").asText(null), shaping, id));
        }
        try {
            buses.putTargets(rule.bus(), rule.name(), targets);
        } catch (BusRequestException e) {
            throw EventBridgeErrors.validation(e.getMessage());
        }
        ObjectNode out = NODES.objectNode();
        out.put("FailedEntryCount", 0);
        out.putArray("FailedEntries");
        return out;
    }

    ObjectNode list(AwsCall call) {
        RuleSpec rule = rules.existingRule(call, "Rule");
        ObjectNode out = NODES.objectNode();
        ArrayNode list = out.putArray("Targets");
        for (RuleSpec.RuleTarget t : rule.targets()) {
            ObjectNode target = list.addObject().put("Id", t.effectiveId()).put("Arn", names.arn(t.target()));
            if (t.inputPath() != null) {
                target.put("InputPath", t.inputPath());
            }
            if (t.inputTransformer() != null) {
                ObjectNode shaping = target.putObject("InputTransformer");
                ObjectNode paths = shaping.putObject("InputPathsMap");
                t.inputTransformer().inputPathsMap().forEach(paths::put);
                shaping.put("InputTemplate", t.inputTransformer().inputTemplate());
            }
        }
        return out;
    }

    /** Ids the rule does not have are ignored, as EventBridge does. */
    ObjectNode remove(AwsCall call) {
        RuleSpec rule = rules.existingRule(call, "Rule");
        List<String> ids = new ArrayList<>();
        call.input().path("Ids").forEach(id -> ids.add(id.asText()));
        if (ids.isEmpty()) {
            throw EventBridgeErrors.validation("1 validation error detected: Value at 'ids' failed to satisfy"
                    + " constraint: Member must have length between 1 and 100");
        }
        buses.removeTargets(rule.bus(), rule.name(), ids);
        ObjectNode out = NODES.objectNode();
        out.put("FailedEntryCount", 0);
        out.putArray("FailedEntries");
        return out;
    }
}
