package dev.localfaas.runtime.config.sam;

import dev.localfaas.runtime.config.ApiAccessResource;
import dev.localfaas.runtime.config.ApiResource;
import dev.localfaas.runtime.config.ConfigError;
import dev.localfaas.runtime.config.EventSource;
import dev.localfaas.runtime.config.LocalNames;
import dev.localfaas.runtime.config.Nodes;
import dev.localfaas.runtime.config.QueueResource;
import dev.localfaas.runtime.config.RuleResource;
import dev.localfaas.runtime.config.SubscriptionResource;
import dev.localfaas.runtime.config.TopicResource;
import dev.localfaas.runtime.config.yaml.YamlMap;
import dev.localfaas.runtime.config.yaml.YamlNode;
import dev.localfaas.runtime.config.yaml.YamlScalar;
import java.util.LinkedHashMap;
import java.util.Map;

/** The resources besides functions: APIs, queues, topics and rules. */
final class SamResources {
    private final SamTemplateReader template;

    SamResources(SamTemplateReader template) {
        this.template = template;
    }

    /** An API with {@code Globals.Api}/{@code Globals.HttpApi} under its own properties. */
    ApiResource api(String id, YamlMap resource, EventSource.ApiKind kind) {
        Map<String, YamlNode> merged = new LinkedHashMap<>(
                template.globals(kind == EventSource.ApiKind.REST ? "Api" : "HttpApi").entries());
        merged.putAll(SamTemplateReader.properties(resource).entries());
        YamlMap p = resolved(Nodes.mapOf(merged, resource.position()));
        String stage = Nodes.optText(p, "StageName").orElse(kind == EventSource.ApiKind.REST ? "" : "$default");
        if (kind == EventSource.ApiKind.REST && stage.isEmpty()) {
            throw new ConfigError(resource.position(), "an AWS::Serverless::Api needs a StageName; add StageName: Prod");
        }
        Map<String, Object> stageSettings = new LinkedHashMap<>();
        for (String setting : java.util.List.of("MethodSettings", "DefaultRouteSettings", "RouteSettings",
                "ApiKeySourceType")) {
            p.get(setting).ifPresent(v -> stageSettings.put(setting, Nodes.plain(v)));
        }
        return new ApiResource(id, kind, stage, p.get("Cors").or(() -> p.get("CorsConfiguration")).map(Nodes::plain)
                .orElse(null), p.get("Auth").map(Nodes::plain).orElse(null), false, resource.position(), stageSettings);
    }

    /** An API key, usage plan or usage plan key, its properties resolved and kept as written. */
    ApiAccessResource apiAccess(String id, YamlMap resource, String type) {
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) Nodes.plain(resolved(SamTemplateReader.properties(resource)));
        return new ApiAccessResource(id, type, properties, resource.position());
    }

    QueueResource queue(String id, YamlMap resource) {
        YamlMap p = resolved(SamTemplateReader.properties(resource));
        String name = template.scope().name(id, resource.position());
        boolean fifo = Nodes.optBool(p, "FifoQueue").orElse(false);
        if (fifo) {
            throw new ConfigError(resource.position(), "FifoQueue: true is not emulated; localfaas queues are standard"
                    + " queues, so remove FifoQueue for local runs (or use a parameter and a condition)");
        }
        String dlq = "";
        int maxReceive = 0;
        YamlNode redriveNode = p.get("RedrivePolicy").orElse(null);
        if (redriveNode != null && !Nodes.isNull(redriveNode)) {
            YamlMap redrive = redriveNode instanceof YamlScalar s ? json(s) : Nodes.map(redriveNode, "RedrivePolicy");
            String target = Nodes.optText(redrive, "deadLetterTargetArn").orElseThrow(() -> new ConfigError(
                    redriveNode.position(), "RedrivePolicy has no deadLetterTargetArn; add"
                            + " deadLetterTargetArn: !GetAtt YourDeadLetterQueue.Arn"));
            dlq = LocalNames.nameInArn(target);
            maxReceive = Nodes.optInt(redrive, "maxReceiveCount", 1, 1000).orElseThrow(() -> new ConfigError(
                    redriveNode.position(), "RedrivePolicy has no maxReceiveCount; add maxReceiveCount: 5"));
        }
        return new QueueResource(id, name,
                Nodes.optInt(p, "VisibilityTimeout", 0, 43_200).orElse(QueueResource.DEFAULT_VISIBILITY_TIMEOUT),
                Nodes.optInt(p, "DelaySeconds", 0, 900).orElse(0),
                Nodes.optInt(p, "MessageRetentionPeriod", 60, 1_209_600).orElse(QueueResource.DEFAULT_RETENTION),
                dlq, maxReceive, resource.position());
    }

    TopicResource topic(String id, YamlMap resource) {
        YamlMap p = resolved(SamTemplateReader.properties(resource));
        return new TopicResource(id, template.scope().name(id, resource.position()),
                Nodes.optBool(p, "FifoTopic").orElse(false), Nodes.optBool(p, "ContentBasedDeduplication").orElse(false),
                p.get("Subscription").map(Nodes::plain).orElse(null), resource.position());
    }

    /** An {@code AWS::SNS::Subscription}: only the sqs and lambda protocols reach something local. */
    SubscriptionResource subscription(String id, YamlMap resource) {
        YamlMap p = resolved(SamTemplateReader.properties(resource));
        String topic = Nodes.optText(p, "TopicArn").orElseThrow(() -> new ConfigError(resource.position(),
                "the subscription has no TopicArn; add TopicArn: !Ref YourTopic"));
        String protocol = Nodes.optText(p, "Protocol").orElse("");
        if (!protocol.equals("sqs") && !protocol.equals("lambda")) {
            throw new ConfigError(p.get("Protocol").map(YamlNode::position).orElse(resource.position()), "Protocol '"
                    + protocol + "' is not delivered locally; use sqs (Endpoint: !GetAtt Q.Arn) or lambda"
                    + " (Endpoint: !GetAtt Fn.Arn)");
        }
        String endpoint = Nodes.optText(p, "Endpoint").orElseThrow(() -> new ConfigError(resource.position(),
                "the subscription has no Endpoint; add Endpoint: !GetAtt " + (protocol.equals("sqs") ? "YourQueue"
                        : "YourFunction") + ".Arn"));
        return new SubscriptionResource(id, LocalNames.nameInArn(topic), protocol, endpoint,
                Nodes.optBool(p, "RawMessageDelivery").orElse(false), p.get("FilterPolicy").map(Nodes::plain).orElse(null),
                Nodes.optText(p, "FilterPolicyScope").orElse("MessageAttributes"), resource.position());
    }

    RuleResource rule(String id, YamlMap resource) {
        YamlMap p = resolved(SamTemplateReader.properties(resource));
        return new RuleResource(id, template.scope().name(id, resource.position()),
                Nodes.optText(p, "EventBusName").orElse("default"), p.get("EventPattern").map(Nodes::plain).orElse(null),
                Nodes.optText(p, "ScheduleExpression").orElse(""), p.get("Targets").map(Nodes::plain).orElse(null),
                resource.position());
    }

    private YamlMap resolved(YamlMap properties) {
        return Nodes.map(template.resolve(properties), "Properties");
    }

    /** CloudFormation also takes RedrivePolicy as a JSON string. */
    private static YamlMap json(YamlScalar s) {
        try {
            Map<?, ?> parsed = new com.fasterxml.jackson.databind.ObjectMapper().readValue(s.value(), Map.class);
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            parsed.forEach((k, v) -> entries.put(String.valueOf(k), YamlScalar.of(String.valueOf(v), s.position())));
            return Nodes.mapOf(entries, s.position());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigError(s.position(), "RedrivePolicy is a string but not JSON; write it as a mapping with"
                    + " deadLetterTargetArn and maxReceiveCount");
        }
    }
}
