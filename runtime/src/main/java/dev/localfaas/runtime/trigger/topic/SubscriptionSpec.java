package dev.localfaas.runtime.trigger.topic;

import dev.localfaas.runtime.function.EventSources;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.trigger.delivery.Target;

/**
 * One subscription, wherever it was declared: {@code @TopicTrigger} or {@code @QueueSubscription} on a function, an
 * {@code SNS} event or {@code AWS::SNS::Subscription} in a template, {@code faas run --subscribe}, or
 * {@code POST /_faas/topics/{topic}/subscriptions}.
 *
 * @param topic              the topic's name
 * @param target             a function (invoked asynchronously with the SNS event) or a queue (sent the envelope)
 * @param filterPolicy       SNS filter policy JSON, "" for none
 * @param scope              what the policy is matched against
 * @param rawMessageDelivery for a queue: the message itself as the body, attributes as SQS attributes
 * @param declaredBy         who declared it, for messages: {@code orders-audit}, {@code --subscribe}, {@code template.yaml}
 */
public record SubscriptionSpec(String topic, Target target, String filterPolicy, FilterPolicyScope scope,
                               boolean rawMessageDelivery, String declaredBy) {

    public SubscriptionSpec {
        filterPolicy = filterPolicy == null ? "" : filterPolicy.trim();
        scope = scope == null ? FilterPolicyScope.MessageAttributes : scope;
        declaredBy = declaredBy == null ? "" : declaredBy;
    }

    public static SubscriptionSpec of(FunctionSpec function, EventSources.TopicTriggerSpec t) {
        return new SubscriptionSpec(t.topic(), Target.function(function.name()), t.filterPolicy(),
                FilterPolicyScope.parse(t.filterPolicyScope()), false, function.name());
    }

    public static SubscriptionSpec of(FunctionSpec function, EventSources.QueueSubscriptionSpec q) {
        return new SubscriptionSpec(q.topic(), Target.queue(q.queue()), q.filterPolicy(),
                FilterPolicyScope.parse(q.filterPolicyScope()), q.rawMessageDelivery(), function.name());
    }

    /** "orders-audit's subscription of function:orders-audit to topic orders", for one-line messages. */
    public String describe() {
        return (declaredBy.isEmpty() ? "" : declaredBy + ": ") + "subscription of " + target + " to topic " + topic;
    }
}
