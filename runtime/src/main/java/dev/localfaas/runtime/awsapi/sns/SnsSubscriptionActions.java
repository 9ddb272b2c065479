package dev.localfaas.runtime.awsapi.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.awsapi.AwsCall;
import dev.localfaas.runtime.trigger.delivery.Target;
import dev.localfaas.runtime.trigger.topic.FilterPolicyScope;
import dev.localfaas.runtime.trigger.topic.SubscriptionSpec;
import dev.localfaas.runtime.trigger.topic.TopicInfo;
import dev.localfaas.runtime.trigger.topic.TopicRequestException;
import dev.localfaas.runtime.trigger.topic.Topics;
import java.util.List;
import java.util.Map;

/**
 * SNS's subscription actions over the topics' subscriptions: the same ones functions and templates declare, so a
 * subscription made here delivers like a declared one, and {@code ListSubscriptions} shows the declared ones too.
 */
final class SnsSubscriptionActions {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String DECLARED_BY = "sns:Subscribe";

    private final Topics topics;
    private final SnsArns arns;
    private final SnsTopicActions topicActions;

    SnsSubscriptionActions(Topics topics, SnsArns arns, SnsTopicActions topicActions) {
        this.topics = topics;
        this.arns = arns;
        this.topicActions = topicActions;
    }

    ObjectNode subscribe(AwsCall call) {
        TopicInfo topic = topicActions.existing(call, "TopicArn");
        String protocol = call.text("Protocol");
        Target target = SnsArns.endpoint(protocol, call.text("Endpoint"));
        JsonNode a = call.input().path("Attributes");
        for (String name : (Iterable<String>) a::fieldNames) {
            settable(name);
        }
        SubscriptionSpec spec = new SubscriptionSpec(topic.name(), target, policy(a.path("FilterPolicy").asText("")),
                scope(a.path("FilterPolicyScope").asText("")), raw(protocol, a.path("RawMessageDelivery").asText("false")),
                DECLARED_BY);
        ObjectNode out = NODES.objectNode();
        out.put("SubscriptionArn", install(spec).arn());
        return out;
    }

    ObjectNode unsubscribe(AwsCall call) {
        if (!topics.unsubscribe(SnsArns.subscription(call.text("SubscriptionArn")))) {
            throw SnsErrors.notFound("Subscription");
        }
        return null;
    }

    ObjectNode list(AwsCall call) {
        return page(call, topics.list());
    }

    ObjectNode listByTopic(AwsCall call) {
        return page(call, List.of(topicActions.existing(call, "TopicArn")));
    }

    private ObjectNode page(AwsCall call, List<TopicInfo> of) {
        List<Map.Entry<TopicInfo, TopicInfo.Sub>> all = of.stream()
                .flatMap(t -> t.subscriptions().stream().map(s -> Map.entry(t, s))).toList();
        int from = SnsTopicActions.page(call.text("NextToken"));
        ObjectNode out = NODES.objectNode();
        ArrayNode list = out.putArray("Subscriptions");
        all.stream().skip(from).limit(SnsTopicActions.PAGE).forEach(e -> {
            SubscriptionSpec spec = topics.subscription(e.getValue().arn()).orElse(null);
            if (spec != null) {
                list.addObject().put("TopicArn", e.getKey().arn()).put("Protocol", arns.protocol(spec.target()))
                        .put("SubscriptionArn", e.getValue().arn()).put("Owner", arns.account())
                        .put("Endpoint", arns.endpoint(spec.target()));
            }
        });
        if (from + SnsTopicActions.PAGE < all.size()) {
            out.put("NextToken", Integer.toString(from + SnsTopicActions.PAGE));
        }
        return out;
    }

    ObjectNode getAttributes(AwsCall call) {
        String arn = SnsArns.subscription(call.text("SubscriptionArn"));
        SubscriptionSpec spec = topics.subscription(arn).orElseThrow(() -> SnsErrors.notFound("Subscription"));
        ObjectNode out = NODES.objectNode();
        ObjectNode a = out.putObject("Attributes");
        a.put("ConfirmationWasAuthenticated", "true");
        a.put("Endpoint", arns.endpoint(spec.target()));
        if (!spec.filterPolicy().isEmpty()) {
            a.put("FilterPolicy", spec.filterPolicy());
            a.put("FilterPolicyScope", spec.scope().name());
        }
        a.put("Owner", arns.account());
        a.put("PendingConfirmation", "false");
        a.put("Protocol", arns.protocol(spec.target()));
        a.put("RawMessageDelivery", Boolean.toString(spec.rawMessageDelivery()));
        a.put("SubscriptionArn", arn);
        a.put("TopicArn", arn.substring(0, arn.lastIndexOf(':')));
        return out;
    }

    ObjectNode setAttributes(AwsCall call) {
        String arn = SnsArns.subscription(call.text("SubscriptionArn"));
        SubscriptionSpec s = topics.subscription(arn).orElseThrow(() -> SnsErrors.notFound("Subscription"));
        String name = call.text("AttributeName");
        String value = call.text("AttributeValue") == null ? "" : call.text("AttributeValue");
        settable(name);
        String protocol = arns.protocol(s.target());
        SubscriptionSpec changed = switch (name) {
            case "FilterPolicy" -> new SubscriptionSpec(s.topic(), s.target(), policy(value), s.scope(),
                    s.rawMessageDelivery(), s.declaredBy());
            case "FilterPolicyScope" -> new SubscriptionSpec(s.topic(), s.target(), s.filterPolicy(), scope(value),
                    s.rawMessageDelivery(), s.declaredBy());
            default -> new SubscriptionSpec(s.topic(), s.target(), s.filterPolicy(), s.scope(), raw(protocol, value),
                    s.declaredBy());
        };
        install(changed);
        return null;
    }

    private TopicInfo.Sub install(SubscriptionSpec spec) {
        try {
            return topics.subscribe(spec);
        } catch (TopicRequestException e) {
            throw SnsErrors.invalidParameter("FilterPolicy: " + e.getMessage());
        }
    }

    private static void settable(String name) {
        if (name == null || !List.of("FilterPolicy", "FilterPolicyScope", "RawMessageDelivery").contains(name)) {
            throw SnsErrors.invalidParameter("AttributeName Reason: localfaas applies FilterPolicy, FilterPolicyScope"
                    + " and RawMessageDelivery; " + name + " is not one of them");
        }
    }

    /** {@code {}} removes the policy, as on SNS. */
    private static String policy(String json) {
        return json.isBlank() || json.replaceAll("\\s", "").equals("{}") ? "" : json;
    }

    private static FilterPolicyScope scope(String text) {
        try {
            return FilterPolicyScope.parse(text);
        } catch (TopicRequestException e) {
            throw SnsErrors.invalidParameter("FilterPolicyScope: " + e.getMessage());
        }
    }

    private static boolean raw(String protocol, String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw SnsErrors.invalidParameter("Attributes Reason: RawMessageDelivery: Invalid value [" + value
                    + "]. Must be true or false.");
        }
        boolean raw = value.equalsIgnoreCase("true");
        if (raw && protocol.equals("lambda")) {
            throw SnsErrors.invalidParameter("Attributes Reason: Delivery protocol [lambda] does not support raw"
                    + " message delivery.");
        }
        return raw;
    }
}
