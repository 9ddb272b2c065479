package dev.localfaas.runtime.config.sam;

import dev.localfaas.runtime.config.ConfigError;
import dev.localfaas.runtime.config.LocalNames;
import dev.localfaas.runtime.config.Nodes;
import dev.localfaas.runtime.config.intrinsic.Intrinsics;
import dev.localfaas.runtime.config.intrinsic.Scope;
import dev.localfaas.runtime.config.yaml.Position;
import dev.localfaas.runtime.config.yaml.YamlMap;
import dev.localfaas.runtime.config.yaml.YamlNode;
import dev.localfaas.runtime.config.yaml.YamlScalar;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names a SAM template's intrinsics see: parameters (defaults or overrides), pseudo parameters, the template's
 * resources (with their local names, URLs and ARNs, including the ones SAM generates: {@code ServerlessRestApi},
 * {@code ServerlessHttpApi}, {@code <Function>Role}), conditions and mappings.
 */
final class SamScope implements Scope {

    private final LocalNames names;
    private final Map<String, YamlNode> parameters;
    private final Map<String, YamlMap> resources;
    private final Map<String, YamlNode> conditions;
    private final YamlMap mappings;
    private final Map<String, Boolean> conditionValues = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();
    private final Map<String, String> resourceNames = new HashMap<>();
    private final Intrinsics intrinsics = new Intrinsics(this);

    SamScope(LocalNames names, Map<String, YamlNode> parameters, Map<String, YamlMap> resources,
             Map<String, YamlNode> conditions, YamlMap mappings) {
        this.names = names;
        this.parameters = parameters;
        this.resources = resources;
        this.conditions = conditions;
        this.mappings = mappings;
    }

    Intrinsics intrinsics() {
        return intrinsics;
    }

    @Override
    public Optional<YamlNode> ref(String name, Position at) {
        if (parameters.containsKey(name)) {
            return Optional.of(parameters.get(name));
        }
        Optional<String> pseudo = pseudo(name);
        if (pseudo.isPresent()) {
            return pseudo.map(v -> YamlScalar.of(v, at));
        }
        return refValue(name, at).map(v -> YamlScalar.of(v, at));
    }

    private Optional<String> pseudo(String name) {
        return Optional.ofNullable(switch (name) {
            case "AWS::Region" -> names.region();
            case "AWS::AccountId" -> names.accountId();
            case "AWS::StackName" -> names.stackName();
            case "AWS::StackId" -> "arn:aws:cloudformation:" + names.region() + ":" + names.accountId() + ":stack/"
                    + names.stackName() + "/00000000-0000-0000-0000-000000000000";
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            default -> null;
        });
    }

    private Optional<String> refValue(String id, Position at) {
        String type = type(id).orElse(null);
        if (type == null) {
            return Optional.empty();
        }
        String name = name(id, at);
        return Optional.of(switch (type) {
            case "AWS::SQS::Queue" -> names.queueUrl(name);
            case "AWS::SNS::Topic" -> names.topicArn(name);
            default -> name;
        });
    }

    @Override
    public Optional<String> getAtt(String id, String attribute, Position at) {
        String type = type(id).orElse(null);
        if (type == null) {
            return Optional.empty();
        }
        String name = name(id, at);
        String value = switch (type + "." + attribute) {
            case "AWS::Serverless::Function.Arn", "AWS::Lambda::Function.Arn" -> names.functionArn(name);
            case "AWS::SQS::Queue.Arn" -> names.queueArn(name);
            case "AWS::SQS::Queue.QueueName" -> name;
            case "AWS::SQS::Queue.QueueUrl" -> names.queueUrl(name);
            case "AWS::SNS::Topic.TopicArn" -> names.topicArn(name);
            case "AWS::SNS::Topic.TopicName" -> name;
            case "AWS::Events::Rule.Arn" -> names.ruleArn(name);
            case "AWS::IAM::Role.Arn" -> names.roleArn(name);
            case "AWS::Serverless::HttpApi.ApiEndpoint", "AWS::Serverless::Api.ApiEndpoint" -> names.endpoint();
            case "AWS::Serverless::Api.RootResourceId" -> name + "-root";
            default -> null;
        };
        if (value != null) {
            return Optional.of(value);
        }
        if (type.startsWith("AWS::Serverless::") || type.startsWith("AWS::SQS::") || type.startsWith("AWS::SNS::")
                || type.equals("AWS::Events::Rule")) {
            throw new ConfigError(at, "!GetAtt " + id + "." + attribute + ": a " + type + " has no attribute "
                    + attribute + " that localfaas knows; use " + knownAttributes(type));
        }
        // a resource localfaas does not emulate (a table, a bucket): a stable placeholder, never a crash
        return Optional.of("arn:aws:local:" + names.region() + ":" + names.accountId() + ":" + id + "/" + attribute);
    }

    private static String knownAttributes(String type) {
        return switch (type) {
            case "AWS::Serverless::Function" -> "Arn";
            case "AWS::SQS::Queue" -> "Arn, QueueName or QueueUrl";
            case "AWS::SNS::Topic" -> "TopicArn or TopicName";
            case "AWS::Serverless::HttpApi" -> "ApiEndpoint";
            case "AWS::Serverless::Api" -> "RootResourceId";
            case "AWS::Events::Rule" -> "Arn";
            default -> "Ref instead";
        };
    }

    /** The type of a resource, including the ones SAM generates. */
    Optional<String> type(String id) {
        YamlMap resource = resources.get(id);
        if (resource != null) {
            return resource.get("Type").map(t -> t instanceof YamlScalar s && s.value() != null ? s.value() : "");
        }
        if (id.equals("ServerlessRestApi")) {
            return Optional.of("AWS::Serverless::Api");
        }
        if (id.equals("ServerlessHttpApi")) {
            return Optional.of("AWS::Serverless::HttpApi");
        }
        if (id.endsWith("Role") && isFunction(id.substring(0, id.length() - 4))) {
            return Optional.of("AWS::IAM::Role");
        }
        return Optional.empty();
    }

    private boolean isFunction(String id) {
        YamlMap r = resources.get(id);
        return r != null && r.get("Type").filter(t -> t instanceof YamlScalar s
                && "AWS::Serverless::Function".equals(s.value())).isPresent();
    }

    /** A resource's local name: its name property (FunctionName, QueueName, ...) when set, else its logical id. */
    String name(String id, Position at) {
        String known = resourceNames.get(id);
        if (known != null) {
            return known;
        }
        String property = switch (type(id).orElse("")) {
            case "AWS::Serverless::Function", "AWS::Lambda::Function" -> "FunctionName";
            case "AWS::SQS::Queue" -> "QueueName";
            case "AWS::SNS::Topic" -> "TopicName";
            case "AWS::Events::Rule" -> "Name";
            case "AWS::IAM::Role" -> "RoleName";
            default -> "";
        };
        String name = id;
        YamlMap resource = resources.get(id);
        if (!property.isEmpty() && resource != null && resource.get("Properties").orElse(null) instanceof YamlMap props
                && props.has(property)) {
            if (!evaluating.add(id)) {
                throw new ConfigError(at, id + "'s " + property + " refers to itself; give it a literal name");
            }
            try {
                YamlNode value = intrinsics.resolve(props.entries().get(property));
                if (!Nodes.isNull(value)) {
                    name = Nodes.text(value, property);
                }
            } finally {
                evaluating.remove(id);
            }
        }
        resourceNames.put(id, name);
        return name;
    }

    @Override
    public boolean condition(String name, Position at) {
        Boolean known = conditionValues.get(name);
        if (known != null) {
            return known;
        }
        YamlNode definition = conditions.get(name);
        if (definition == null) {
            throw new ConfigError(at, "condition " + name + " is not declared; add it under Conditions, or fix the name"
                    + (conditions.isEmpty() ? "" : " (declared: " + String.join(", ", conditions.keySet()) + ")"));
        }
        if (!evaluating.add("Condition:" + name)) {
            throw new ConfigError(at, "condition " + name + " depends on itself; break the cycle");
        }
        try {
            String value = Nodes.text(intrinsics.resolve(definition), "condition " + name);
            if (!value.equals("true") && !value.equals("false")) {
                throw new ConfigError(definition.position(), "condition " + name + " is '" + value
                        + "', not a condition; define it with Fn::Equals, Fn::And, Fn::Or or Fn::Not");
            }
            boolean result = Boolean.parseBoolean(value);
            conditionValues.put(name, result);
            return result;
        } finally {
            evaluating.remove("Condition:" + name);
        }
    }

    @Override
    public Optional<YamlNode> mapping(String map, String topKey, String secondKey) {
        return mappings.get(map).filter(m -> m instanceof YamlMap).map(m -> (YamlMap) m)
                .flatMap(m -> m.get(topKey)).filter(m -> m instanceof YamlMap).map(m -> (YamlMap) m)
                .flatMap(m -> m.get(secondKey));
    }

    @Override
    public String region() {
        return names.region();
    }
}
