package dev.localfaas.runtime.config;

import dev.localfaas.runtime.function.EventSources;
import dev.localfaas.runtime.trigger.bus.RuleSpec;
import dev.localfaas.runtime.trigger.delivery.Target;
import dev.localfaas.runtime.trigger.pattern.PatternGrammar;
import dev.localfaas.runtime.trigger.topic.FilterPolicyScope;
import dev.localfaas.runtime.trigger.topic.SubscriptionSpec;
import dev.localfaas.runtime.trigger.topic.TopicRequestException;
import dev.localfaas.runtime.trigger.topic.TopicSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a project file declares for publish/subscribe besides the functions' own events: its topics
 * ({@code AWS::SNS::Topic}), subscriptions ({@code AWS::SNS::Subscription}) and rules with targets
 * ({@code AWS::Events::Rule}), as the records the topic and bus services take from annotations and
 * {@code --subscribe}. Each is checked here, so a bad filter policy or pattern is a problem at its line.
 */
public record TemplateEvents(List<TopicSpec> topics, List<SubscriptionSpec> subscriptions, List<RuleSpec> rules) {

    public static final TemplateEvents NONE = new TemplateEvents(List.of(), List.of(), List.of());

    public TemplateEvents {
        topics = List.copyOf(topics);
        subscriptions = List.copyOf(subscriptions);
        rules = List.copyOf(rules);
    }

    /** A function's {@code SNS}, {@code EventBridgeRule}, {@code S3} and Kafka events as its {@link EventSources}. */
    static EventSources of(FunctionResource f, Problems problems) {
        List<EventSources.TopicTriggerSpec> topics = new ArrayList<>();
        List<EventSources.EventRuleSpec> rules = new ArrayList<>();
        List<EventSources.BucketTriggerSpec> buckets = new ArrayList<>();
        List<dev.localfaas.runtime.function.KafkaTriggerSpec> kafka = new ArrayList<>();
        for (EventSource e : f.events()) {
            problems.guard(f.logicalId(), null, () -> {
                if (e instanceof EventSource.Topic t) {
                    FilterPolicyScope scope = scope(t.filterPolicyScope(), t.position());
                    topics.add(new EventSources.TopicTriggerSpec(t.topic(), PatternJson.of(t.filterPolicy(),
                            scope.grammar(), t.position(), "event " + t.id() + " FilterPolicy"), scope.name()));
                } else if (e instanceof EventSource.BusRule r) {
                    if (r.pattern() == null) {
                        throw new ConfigError(r.position(), "event " + r.id() + " has no Pattern; add Pattern:"
                                + " {source: [my.app]}");
                    }
                    rules.add(new EventSources.EventRuleSpec(r.eventBus(), r.name(), PatternJson.of(r.pattern(),
                            PatternGrammar.EVENTBRIDGE, r.position(), "event " + r.id() + " Pattern")));
                } else if (e instanceof EventSource.Bucket b) {
                    buckets.add(new EventSources.BucketTriggerSpec(b.bucket(), b.events(), b.prefix(), b.suffix()));
                } else if (e instanceof EventSource.Stream s) {
                    kafka.add(KafkaEvents.of(s));
                }
                return null;
            });
        }
        return new EventSources(topics, List.of(), rules, buckets, EventSources.AsyncInvokeSpec.DEFAULT, kafka);
    }

    /** The model's topics, subscriptions and rules; the bad ones are left out and added to {@code problems}. */
    static TemplateEvents of(ProjectModel model, Problems problems) {
        if (model == null) {
            return NONE;
        }
        String declaredBy = model.file().getFileName().toString();
        List<TopicSpec> topics = new ArrayList<>();
        for (TopicResource t : model.topics()) {
            problems.guard(t.logicalId(), Optional.<TopicSpec>empty(), () -> {
                if (t.fifo() != t.name().endsWith(".fifo")) {
                    throw new ConfigError(t.position(), "topic " + t.name() + (t.fifo()
                            ? " has FifoTopic: true, so its TopicName must end in .fifo, as SNS requires; fix TopicName"
                            : " ends in .fifo, which SNS keeps for FIFO topics; add FifoTopic: true or rename it"));
                }
                try {
                    return Optional.of(new TopicSpec(t.name(), t.contentBasedDeduplication()));
                } catch (TopicRequestException x) {
                    throw new ConfigError(t.position(), x.getMessage() + "; fix TopicName");
                }
            }).ifPresent(topics::add);
        }
        List<SubscriptionSpec> subscriptions = new ArrayList<>();
        for (SubscriptionResource s : model.subscriptions()) {
            problems.guard(s.logicalId(), Optional.<SubscriptionSpec>empty(), () -> {
                FilterPolicyScope scope = scope(s.filterPolicyScope(), s.position());
                String policy = PatternJson.of(s.filterPolicy(), scope.grammar(), s.position(), "FilterPolicy");
                String endpoint = LocalNames.nameInArn(s.endpoint());
                Target target = s.protocol().equals("sqs") ? Target.queue(endpoint) : Target.function(endpoint);
                if (s.rawMessageDelivery() && !target.kind().equals(Target.Kind.QUEUE)) {
                    throw new ConfigError(s.position(), "RawMessageDelivery is for sqs subscriptions; remove it");
                }
                return Optional.of(new SubscriptionSpec(s.topic(), target, policy, scope, s.rawMessageDelivery(),
                        declaredBy + " " + s.logicalId()));
            }).ifPresent(subscriptions::add);
        }
        List<RuleSpec> rules = new ArrayList<>();
        for (RuleResource r : model.rules()) {
            if (r.eventPattern() == null) {
                continue; // a ScheduleExpression rule: schedules are the functions' Schedule events
            }
            problems.guard(r.logicalId(), Optional.<RuleSpec>empty(), () -> Optional.of(new RuleSpec(
                    LocalNames.nameInArn(r.eventBus()), r.name(),
                    PatternJson.of(r.eventPattern(), PatternGrammar.EVENTBRIDGE, r.position(), "EventPattern"),
                    targets(r), declaredBy + " " + r.logicalId()))).ifPresent(rules::add);
        }
        return new TemplateEvents(topics, subscriptions, rules);
    }

    /** Targets by ARN: {@code !GetAtt Fn.Arn} is a function, {@code !GetAtt Q.Arn} a queue. */
    private static List<RuleSpec.RuleTarget> targets(RuleResource r) {
        List<RuleSpec.RuleTarget> out = new ArrayList<>();
        List<?> written = r.targets() instanceof List<?> l ? l : List.of();
        for (Object o : written) {
            Map<?, ?> t = o instanceof Map<?, ?> m ? m : Map.of();
            String arn = t.get("Arn") instanceof String s ? s : "";
            Target target;
            if (arn.startsWith("arn:aws:lambda:")) {
                target = Target.function(LocalNames.nameInArn(arn));
            } else if (arn.startsWith("arn:aws:sqs:")) {
                target = Target.queue(LocalNames.nameInArn(arn));
            } else {
                throw new ConfigError(r.position(), "target " + t.get("Id") + " has Arn '" + arn + "', not a function"
                        + " or queue; write Arn: !GetAtt YourFunction.Arn or !GetAtt YourQueue.Arn");
            }
            RuleSpec.InputTransformerSpec transformer = null;
            if (t.get("InputTransformer") instanceof Map<?, ?> it) {
                Map<String, String> paths = new java.util.LinkedHashMap<>();
                if (it.get("InputPathsMap") instanceof Map<?, ?> pm) {
                    pm.forEach((k, v) -> paths.put(String.valueOf(k), String.valueOf(v)));
                }
                transformer = new RuleSpec.InputTransformerSpec(paths, String.valueOf(it.get("InputTemplate")));
            }
            out.add(new RuleSpec.RuleTarget(target, t.get("InputPath") instanceof String p ? p : null, transformer));
        }
        if (out.isEmpty()) {
            throw new ConfigError(r.position(), "the rule has no Targets; add Targets: [{Id: Fn, Arn: !GetAtt Fn.Arn}]");
        }
        return out;
    }

    private static FilterPolicyScope scope(String text, dev.localfaas.runtime.config.yaml.Position at) {
        try {
            return FilterPolicyScope.parse(text);
        } catch (TopicRequestException e) {
            throw new ConfigError(at, e.getMessage());
        }
    }
}
