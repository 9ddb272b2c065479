package dev.localfaas.runtime.awsapi.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.awsapi.AwsCall;
import dev.localfaas.runtime.awsapi.AwsService;
import dev.localfaas.runtime.awsapi.QueryShapes;
import dev.localfaas.runtime.trigger.bus.EventBuses;
import java.util.Map;
import java.util.function.Function;

/**
 * Amazon EventBridge over AWS JSON 1.1 ({@code X-Amz-Target: AWSEvents.*}), on the event buses of {@code faas run}:
 * an event put with {@code EventBridgeClient} reaches the targets of every matching rule, whether the rule was put
 * through this API or declared by a function or template.
 */
public final class EventBridgeService implements AwsService {
    private final Map<String, Function<AwsCall, ObjectNode>> actions;

    public EventBridgeService(EventBuses buses, String region, String account) {
        EventBridgeNames names = new EventBridgeNames(region, account);
        EventBridgeRuleActions rules = new EventBridgeRuleActions(buses);
        EventBridgeTargetActions targets = new EventBridgeTargetActions(buses, rules, names);
        EventBridgePutEvents events = new EventBridgePutEvents(buses);
        this.actions = Map.ofEntries(
                Map.entry("PutEvents", events::put),
                Map.entry("CreateEventBus", events::createBus),
                Map.entry("ListEventBuses", events::listBuses),
                Map.entry("PutRule", rules::put),
                Map.entry("DescribeRule", rules::describe),
                Map.entry("ListRules", rules::list),
                Map.entry("DeleteRule", rules::delete),
                Map.entry("PutTargets", targets::put),
                Map.entry("ListTargetsByRule", targets::list),
                Map.entry("RemoveTargets", targets::remove));
    }

    @Override
    public String targetPrefix() {
        return "AWSEvents";
    }

    @Override
    public String jsonContentType() {
        return "application/x-amz-json-1.1";
    }

    @Override
    public String errorTypePrefix() {
        return "com.amazon.eventbridge";
    }

    @Override
    public boolean queryCompatible() {
        return false;
    }

    @Override
    public boolean servesQueryAction(String action) {
        return false;
    }

    @Override
    public QueryShapes queryShapes() {
        return null;
    }

    @Override
    public ObjectNode call(AwsCall call) {
        Function<AwsCall, ObjectNode> action = actions.get(call.action());
        if (action == null) {
            throw EventBridgeErrors.unsupported(call.action());
        }
        return action.apply(call);
    }
}
