package dev.localfaas.runtime.config.serverless;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.config.ConfigError;
import dev.localfaas.runtime.config.LocalNames;
import dev.localfaas.runtime.config.Nodes;
import dev.localfaas.runtime.config.Problems;
import dev.localfaas.runtime.config.ProjectModel;
import dev.localfaas.runtime.config.ProjectOptions;
import dev.localfaas.runtime.config.sam.SamTemplateReader;
import dev.localfaas.runtime.config.yaml.Position;
import dev.localfaas.runtime.config.yaml.YamlList;
import dev.localfaas.runtime.config.yaml.YamlMap;
import dev.localfaas.runtime.config.yaml.YamlNode;
import dev.localfaas.runtime.config.yaml.YamlScalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Serverless Framework {@code serverless.yml} (v3/v4) for Java: variables first, then each function as the
 * {@code AWS::Serverless::Function} it deploys as, beside the CloudFormation of {@code resources}, read by the SAM
 * reader. One reader of resources, events and intrinsics for both formats; positions still point into this file.
 */
public final class ServerlessReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final YamlMap root;
    private final Problems problems;
    private final List<String> warnings = new ArrayList<>();
    private final String service;
    private final String stage;
    private final ServerlessAccess access;

    private ServerlessReader(YamlMap root, String service, String stage, Problems problems, LocalNames names) {
        this.root = root;
        this.service = service;
        this.stage = stage;
        this.problems = problems;
        YamlMap functions = section(root, "functions");
        this.access = new ServerlessAccess(section(root, "provider"), key -> functions.get(key)
                .filter(f -> f instanceof YamlMap).flatMap(f -> Nodes.optText((YamlMap) f, "name"))
                .orElse(service + "-" + stage + "-" + key), names.region(), names.accountId());
    }

    public static ProjectModel read(YamlMap raw, Path file, Path baseDir, ProjectOptions options, LocalNames names,
                                    Problems problems) {
        ServerlessVariables variables = new ServerlessVariables(raw, options);
        YamlMap root;
        try {
            root = Nodes.map(variables.resolve(raw), "serverless.yml");
        } catch (ConfigError e) {
            problems.add(e.position(), "", e.getMessage());
            return empty(file);
        }
        String service = problems.guard("service", "service", () -> root.get("service")
                .map(s -> s instanceof YamlMap m ? Nodes.text(m.entries().getOrDefault("name", s), "service.name")
                        : Nodes.text(s, "service"))
                .orElseThrow(() -> new ConfigError(root.position(), "no service; add service: my-service")));
        ServerlessReader reader = new ServerlessReader(root, service, variables.stage(), problems, names);
        YamlMap template = reader.template();
        LocalNames stackNames = new LocalNames(names.region(), names.accountId(), names.endpoint(),
                service + "-" + variables.stage());
        ProjectModel model = SamTemplateReader.read(template, file, baseDir, Map.of(), stackNames, problems);
        List<String> warnings = new ArrayList<>(reader.warnings);
        warnings.addAll(model.warnings());
        return new ProjectModel(file, ProjectModel.ProjectFormat.SERVERLESS, model.functions(), model.apis(),
                model.queues(), model.topics(), model.rules(), model.outputs(), model.notEmulated(), warnings,
                model.subscriptions(), model.apiAccess());
    }

    private static ProjectModel empty(Path file) {
        return new ProjectModel(file, ProjectModel.ProjectFormat.SERVERLESS, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of());
    }

    /** The SAM template this file deploys as. */
    private YamlMap template() {
        Position at = root.position();
        YamlMap provider = section(root, "provider");
        YamlMap resources = section(root, "resources");
        Map<String, YamlNode> out = new LinkedHashMap<>();
        out.put("Transform", YamlScalar.of("AWS::Serverless-2016-10-31", at));
        resources.get("Conditions").ifPresent(c -> out.put("Conditions", c));
        resources.get("Outputs").ifPresent(o -> out.put("Outputs", o));
        Map<String, YamlNode> templateResources = new LinkedHashMap<>(section(resources, "Resources").entries());
        YamlMap functions = section(root, "functions");
        if (functions.entries().isEmpty()) {
            problems.add(at, "functions", "no functions; declare them under functions: with a handler each");
        }
        functions.entries().forEach((key, node) -> problems.guard(key, null, () -> {
            templateResources.put(key, function(key, Nodes.map(node, "function " + key), provider));
            return null;
        }));
        problems.guard("provider", null, () -> {
            templateResources.putAll(access.resources(at));
            Map<String, YamlNode> globals = access.globals(at);
            if (!globals.isEmpty()) {
                out.put("Globals", Nodes.mapOf(globals, at));
            }
            return null;
        });
        out.put("Resources", Nodes.mapOf(templateResources, functions.position()));
        return Nodes.mapOf(out, at);
    }

    private YamlNode function(String key, YamlMap fn, YamlMap provider) {
        Position at = fn.position();
        Map<String, YamlNode> p = new LinkedHashMap<>();
        p.put("FunctionName", fn.get("name").orElse(YamlScalar.of(service + "-" + stage + "-" + key, at)));
        p.put("Handler", fn.get("handler").orElseThrow(() -> new ConfigError(at, "function " + key
                + " has no handler; add handler: package.Class::handleRequest")));
        first(fn, provider, "runtime").ifPresent(r -> p.put("Runtime", r));
        YamlNode artifact = section(fn, "package").get("artifact")
                .or(() -> section(root, "package").get("artifact"))
                .orElseThrow(() -> new ConfigError(at, "function " + key + " has no package.artifact; Java functions"
                        + " deploy a built JAR, so set package.artifact: target/your-function.jar (service-wide or"
                        + " per function)"));
        p.put("CodeUri", artifact);
        p.put("MemorySize", first(fn, provider, "memorySize").orElse(YamlScalar.of("1024", at)));
        p.put("Timeout", first(fn, provider, "timeout").orElse(YamlScalar.of("6", at)));
        Map<String, YamlNode> variables = new LinkedHashMap<>(section(provider, "environment").entries());
        variables.putAll(section(fn, "environment").entries());
        if (!variables.isEmpty()) {
            p.put("Environment", Nodes.mapOf(Map.of("Variables", Nodes.mapOf(variables, at)), at));
        }
        first(fn, provider, "architecture").ifPresent(a -> p.put("Architectures", new YamlList(List.of(a), "", a.position())));
        fn.get("reservedConcurrency").ifPresent(r -> p.put("ReservedConcurrentExecutions", r));
        fn.get("layers").ifPresent(l -> p.put("Layers", l));
        Map<String, YamlNode> events = new LinkedHashMap<>();
        List<YamlNode> declared = fn.get("events").map(e -> Nodes.list(e, "events")).orElse(List.of());
        for (int i = 0; i < declared.size(); i++) {
            int index = i;
            problems.guard(key, null, () -> {
                event(key, Nodes.map(declared.get(index), "event"), index).ifPresent(e -> events.put(
                        ((YamlScalar) ((YamlMap) e).entries().get("Name")).value(), e));
                return null;
            });
        }
        if (!events.isEmpty()) {
            p.put("Events", Nodes.mapOf(events, at));
        }
        return Nodes.mapOf(Map.of("Type", YamlScalar.of("AWS::Serverless::Function", at),
                "Properties", Nodes.mapOf(p, at)), at);
    }

    /** One event, as the SAM event it deploys as; "Name" says under which key. */
    private Optional<YamlNode> event(String function, YamlMap event, int index) {
        if (event.entries().size() != 1) {
            throw new ConfigError(event.position(), "an event is one mapping such as - httpApi: 'GET /hello'");
        }
        String type = event.entries().keySet().iterator().next();
        YamlNode value = event.entries().get(type);
        Position at = value.position();
        Map<String, YamlNode> props = new LinkedHashMap<>();
        String samType;
        switch (type) {
            case "http", "httpApi" -> {
                samType = type.equals("http") ? "Api" : "HttpApi";
                String method;
                String path;
                if (value instanceof YamlScalar s) {
                    String text = Nodes.text(s, type).trim();
                    if (text.equals("*")) {
                        method = "ANY";
                        path = "/{proxy+}";
                    } else {
                        String[] parts = text.split("\\s+", 2);
                        if (parts.length != 2) {
                            throw new ConfigError(at, type + " '" + text + "' is not 'METHOD /path'; write, for example,"
                                    + " 'GET /hello'");
                        }
                        method = parts[0];
                        path = parts[1];
                    }
                } else {
                    YamlMap m = Nodes.map(value, type);
                    method = Nodes.optText(m, "method").orElse("ANY");
                    path = Nodes.optText(m, "path").orElseThrow(() -> new ConfigError(at, type + " has no path; add"
                            + " path: /hello"));
                    YamlNode auth = access.eventAuth(type, m, at);
                    if (auth != null) {
                        props.put("Auth", auth);
                    }
                }
                method = method.equals("*") ? "ANY" : method.toUpperCase(Locale.ROOT);
                props.put("Method", YamlScalar.of(method, at));
                props.put("Path", YamlScalar.of(path.startsWith("/") ? path : "/" + path, at));
            }
            case "schedule" -> {
                samType = "Schedule";
                YamlMap m = value instanceof YamlMap map ? map : Nodes.mapOf(Map.of("rate", value), at);
                YamlNode rate = m.get("rate").orElseThrow(() -> new ConfigError(at, "schedule has no rate; add"
                        + " rate: rate(10 minutes)"));
                props.put("Schedule", rate instanceof YamlList l ? l.items().get(0) : rate);
                m.get("enabled").ifPresent(e -> props.put("Enabled", e));
                m.get("input").ifPresent(input -> props.put("Input", YamlScalar.of(json(input), input.position())));
            }
            case "sqs" -> {
                samType = "SQS";
                YamlMap m = value instanceof YamlMap map ? map : Nodes.mapOf(Map.of("arn", value), at);
                props.put("Queue", m.get("arn").orElseThrow(() -> new ConfigError(at, "sqs has no arn; add"
                        + " arn: !GetAtt MyQueue.Arn")));
                m.get("batchSize").ifPresent(b -> props.put("BatchSize", b));
                m.get("maximumBatchingWindow").ifPresent(w -> props.put("MaximumBatchingWindowInSeconds", w));
                m.get("enabled").ifPresent(e -> props.put("Enabled", e));
            }
            case "sns" -> {
                samType = "SNS";
                YamlMap m = value instanceof YamlMap map ? map : Nodes.mapOf(Map.of("topicName", value), at);
                props.put("Topic", m.get("arn").or(() -> m.get("topicName")).orElseThrow(() -> new ConfigError(at,
                        "sns has no arn or topicName; add topicName: my-topic")));
                m.get("filterPolicy").ifPresent(f -> props.put("FilterPolicy", f));
                m.get("filterPolicyScope").ifPresent(f -> props.put("FilterPolicyScope", f));
            }
            case "eventBridge" -> {
                samType = "EventBridgeRule";
                YamlMap m = Nodes.map(value, type);
                m.get("pattern").ifPresent(pattern -> props.put("Pattern", pattern));
                m.get("eventBus").ifPresent(bus -> props.put("EventBusName", bus));
            }
            case "kafka", "msk" -> {
                samType = type.equals("kafka") ? "SelfManagedKafka" : "MSK";
                YamlMap m = Nodes.map(value, type);
                YamlNode topic = m.get("topic").orElseThrow(() -> new ConfigError(at, type + " has no topic; add"
                        + " topic: orders"));
                props.put("Topics", new YamlList(List.of(topic), "", topic.position()));
                if (type.equals("msk")) {
                    props.put("Stream", m.get("arn").orElseThrow(() -> new ConfigError(at, "msk has no arn; add"
                            + " arn: the cluster's ARN")));
                }
                m.get("bootstrapServers").ifPresent(b -> props.put("KafkaBootstrapServers", b));
                m.get("batchSize").ifPresent(b -> props.put("BatchSize", b));
                m.get("maximumBatchingWindow").ifPresent(w -> props.put("MaximumBatchingWindowInSeconds", w));
                m.get("startingPosition").ifPresent(sp -> props.put("StartingPosition", sp));
                m.get("startingPositionTimestamp").ifPresent(t -> props.put("StartingPositionTimestamp", t));
                m.get("consumerGroupId").ifPresent(g -> props.put("ConsumerGroupId", g));
                m.get("enabled").ifPresent(e -> props.put("Enabled", e));
                m.get("filterPatterns").ifPresent(f -> props.put("FilterCriteria", Nodes.mapOf(Map.of("Filters",
                        new YamlList(Nodes.list(f, "filterPatterns").stream().map(pattern -> (YamlNode) Nodes.mapOf(
                                Map.of("Pattern", pattern), pattern.position())).toList(), "", f.position())),
                        f.position())));
            }
            default -> {
                warnings.add(function + ": event " + type + " is not emulated; invoke the function with faas invoke"
                        + " and a sample event instead");
                return Optional.empty();
            }
        }
        String name = type + (index + 1);
        return Optional.of(Nodes.mapOf(Map.of("Name", YamlScalar.of(name, at), "Type", YamlScalar.of(samType, at),
                "Properties", Nodes.mapOf(props, at)), event.position()));
    }

    private static Optional<YamlNode> first(YamlMap fn, YamlMap provider, String key) {
        return fn.get(key).or(() -> provider.get(key)).filter(n -> !Nodes.isNull(n));
    }

    private static YamlMap section(YamlMap parent, String key) {
        YamlNode node = parent.get(key).orElse(null);
        return node instanceof YamlMap m ? m : Nodes.mapOf(Map.of(), node == null ? parent.position() : node.position());
    }

    private static String json(YamlNode input) {
        if (input instanceof YamlScalar s) {
            return s.value();
        }
        try {
            return JSON.writeValueAsString(Nodes.plain(input));
        } catch (JsonProcessingException e) {
            throw new ConfigError(input.position(), "schedule input cannot be written as JSON: " + e.getOriginalMessage());
        }
    }
}
