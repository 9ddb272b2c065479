package dev.localfaas.runtime.trigger.topic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localfaas.runtime.trigger.delivery.DeliveryCounts;
import dev.localfaas.runtime.trigger.pattern.EventPattern;
import dev.localfaas.runtime.trigger.pattern.PatternException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/** A subscription in service: its spec, its ARN (stable across restarts), its compiled filter policy and counts. */
final class Subscription {

    final SubscriptionSpec spec;
    final String arn;
    final boolean declared;
    final DeliveryCounts counts = new DeliveryCounts();
    private final Optional<EventPattern> policy;

    private Subscription(SubscriptionSpec spec, String arn, boolean declared, Optional<EventPattern> policy) {
        this.spec = spec;
        this.arn = arn;
        this.declared = declared;
        this.policy = policy;
    }

    /**
     * @param declared whether it comes from the functions (replaced on every reload) rather than added at run time
     * @throws TopicRequestException naming the subscription when its filter policy is invalid
     */
    static Subscription compile(SubscriptionSpec spec, String topicArn, boolean declared) {
        Optional<EventPattern> policy = Optional.empty();
        if (!spec.filterPolicy().isEmpty()) {
            try {
                policy = Optional.of(EventPattern.compile(spec.filterPolicy(), spec.scope().grammar()));
            } catch (PatternException e) {
                throw new TopicRequestException(spec.describe() + ": " + e.getMessage());
            }
        }
        String id = UUID.nameUUIDFromBytes((spec.topic() + "|" + spec.target()).getBytes(StandardCharsets.UTF_8)).toString();
        return new Subscription(spec, topicArn + ":" + id, declared, policy);
    }

    /** Whether the message passes the filter policy (always, without one). */
    boolean accepts(PublishedMessage m) {
        if (policy.isEmpty()) {
            return true;
        }
        Optional<JsonNode> document = spec.scope() == FilterPolicyScope.MessageBody
                ? FilterDocument.body(m.message())
                : Optional.of(FilterDocument.attributes(m.attributes()));
        return document.isPresent() && policy.get().matches(document.get());
    }
}
