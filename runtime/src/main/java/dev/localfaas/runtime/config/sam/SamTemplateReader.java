package dev.localfaas.runtime.config.sam;

import dev.localfaas.runtime.config.ApiAccessResource;
import dev.localfaas.runtime.config.ApiResource;
import dev.localfaas.runtime.config.ConfigError;
import dev.localfaas.runtime.config.EventSource;
import dev.localfaas.runtime.config.FunctionResource;
import dev.localfaas.runtime.config.LocalNames;
import dev.localfaas.runtime.config.Nodes;
import dev.localfaas.runtime.config.OutputValue;
import dev.localfaas.runtime.config.Problems;
import dev.localfaas.runtime.config.ProjectModel;
import dev.localfaas.runtime.config.QueueResource;
import dev.localfaas.runtime.config.RuleResource;
import dev.localfaas.runtime.config.SubscriptionResource;
import dev.localfaas.runtime.config.TopicResource;
import dev.localfaas.runtime.config.UpstreamResource;
import dev.localfaas.runtime.config.intrinsic.Intrinsics;
import dev.localfaas.runtime.config.yaml.Position;
import dev.localfaas.runtime.config.yaml.YamlList;
import dev.localfaas.runtime.config.yaml.YamlMap;
import dev.localfaas.runtime.config.yaml.YamlNode;
import dev.localfaas.runtime.config.yaml.YamlScalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a SAM template ({@code Transform: AWS::Serverless-2016-10-31}) into a {@link ProjectModel}: parameters,
 * conditions and mappings first, then every resource with its intrinsics resolved, then the outputs. Problems are
 * collected, not thrown, so that {@code faas validate} lists them all.
 */
public final class SamTemplateReader {

    static final String TRANSFORM = "AWS::Serverless-2016-10-31";

    private final YamlMap root;
    private final Path file;
    private final Path baseDir;
    private final LocalNames names;
    private final Problems problems;
    private final SamScope scope;
    private final YamlMap globals;
    private final Map<String, YamlMap> resources = new LinkedHashMap<>();

    private SamTemplateReader(YamlMap root, Path file, Path baseDir, Map<String, String> overrides, LocalNames names,
                              Problems problems) {
        this.root = root;
        this.file = file;
        this.baseDir = baseDir;
        this.names = names;
        this.problems = problems;
        this.globals = section(root, "Globals");
        YamlMap resourceSection = section(root, "Resources");
        resourceSection.entries().forEach((id, node) -> {
            if (node instanceof YamlMap m && m.get("Type").orElse(null) instanceof YamlScalar t && t.value() != null) {
                resources.put(id, m);
            } else {
                problems.add(resourceSection.keyPosition(id), id, "a resource is a mapping with a Type; add"
                        + " Type: AWS::Serverless::Function (or the resource's type)");
            }
        });
        if (!root.has("Resources")) {
            problems.add(root.position(), "", "the template has no Resources section; declare at least one"
                    + " AWS::Serverless::Function under Resources:");
        }
        Map<String, YamlNode> conditions = new LinkedHashMap<>(section(root, "Conditions").entries());
        this.scope = new SamScope(names, SamParameters.values(root, overrides, problems), resources, conditions,
                section(root, "Mappings"));
    }

    /** Reads {@code root}, the parsed template; problems go to {@code problems}, the model holds what could be read. */
    public static ProjectModel read(YamlMap root, Path file, Path baseDir, Map<String, String> overrides,
                                    LocalNames names, Problems problems) {
        return new SamTemplateReader(root, file, baseDir, overrides, names, problems).read();
    }

    private ProjectModel read() {
        checkTransform();
        List<FunctionResource> functions = new ArrayList<>();
        List<ApiResource> apis = new ArrayList<>();
        List<QueueResource> queues = new ArrayList<>();
        List<TopicResource> topics = new ArrayList<>();
        List<RuleResource> rules = new ArrayList<>();
        List<SubscriptionResource> subscriptions = new ArrayList<>();
        List<ApiAccessResource> apiAccess = new ArrayList<>();
        List<String> notEmulated = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        SamFunctionReader functionReader = new SamFunctionReader(this, warnings);
        SamResources other = new SamResources(this);
        SamEventSourceMappings mappings = new SamEventSourceMappings(this);
        SamIntegrations integrations = new SamIntegrations(this);
        for (Map.Entry<String, YamlMap> e : resources.entrySet()) {
            String id = e.getKey();
            YamlMap resource = e.getValue();
            if (!included(id, resource)) {
                continue;
            }
            String type = ((YamlScalar) resource.entries().get("Type")).value();
            Position at = resource.position();
            switch (type) {
                case "AWS::Serverless::Function" -> functionReader.read(id, resource).ifPresent(functions::add);
                case "AWS::Serverless::Api" -> problems.guard(id, Optional.<ApiResource>empty(),
                        () -> Optional.of(other.api(id, resource, EventSource.ApiKind.REST))).ifPresent(apis::add);
                case "AWS::Serverless::HttpApi" -> {
                    problems.guard(id, Optional.<ApiResource>empty(),
                            () -> Optional.of(other.api(id, resource, EventSource.ApiKind.HTTP))).ifPresent(apis::add);
                    integrations.definitionBody(id, resource);
                }
                case "AWS::SQS::Queue" -> problems.guard(id, Optional.<QueueResource>empty(),
                        () -> Optional.of(other.queue(id, resource))).ifPresent(queues::add);
                case "AWS::SNS::Topic" -> problems.guard(id, Optional.<TopicResource>empty(),
                        () -> Optional.of(other.topic(id, resource))).ifPresent(topics::add);
                case "AWS::SNS::Subscription" -> problems.guard(id, Optional.<SubscriptionResource>empty(),
                        () -> Optional.of(other.subscription(id, resource))).ifPresent(subscriptions::add);
                case "AWS::Events::Rule" -> problems.guard(id, Optional.<RuleResource>empty(),
                        () -> Optional.of(other.rule(id, resource))).ifPresent(rules::add);
                case ApiAccessResource.API_KEY, ApiAccessResource.USAGE_PLAN, ApiAccessResource.USAGE_PLAN_KEY ->
                        problems.guard(id, Optional.<ApiAccessResource>empty(),
                                () -> Optional.of(other.apiAccess(id, resource, type))).ifPresent(apiAccess::add);
                case "AWS::Serverless::LayerVersion", "AWS::Lambda::LayerVersion" -> {
                    // read where a function names it: its JARs join that function's classpath
                }
                case "AWS::Lambda::EventSourceMapping" -> {
                    if (!problems.guard(id, true, () -> mappings.read(id, resource))) { // true: a bad one is a problem already
                        notEmulated.add(id + " (" + type + ")");
                    }
                }
                case "AWS::ApiGatewayV2::Integration" -> {
                    if (!problems.guard(id, false, () -> integrations.integration(id, resource))) {
                        notEmulated.add(id + " (" + type + ")");
                    }
                }
                case "AWS::ApiGatewayV2::Route" -> integrations.route(id, resource);
                case "AWS::Lambda::Function" -> problems.add(at, id, "AWS::Lambda::Function is plain CloudFormation,"
                        + " which localfaas does not read; declare it as AWS::Serverless::Function");
                default -> notEmulated.add(id + " (" + type + ")");
            }
        }
        functions = new ArrayList<>(mappings.attach(functions));
        addImplicitApis(functions, apis);
        checkApiReferences(functions, apis);
        SamRoutes.checkClashes(functions, problems);
        List<OutputValue> outputs = outputs();
        List<UpstreamResource> upstreams = integrations.upstreams(notEmulated, problems);
        return new ProjectModel(file, ProjectModel.ProjectFormat.SAM, functions, apis, queues, topics, rules, outputs,
                notEmulated, warnings, subscriptions, apiAccess).withUpstreams(upstreams);
    }

    private void checkTransform() {
        boolean serverless = resources.values().stream().anyMatch(r ->
                ((YamlScalar) r.entries().get("Type")).value().startsWith("AWS::Serverless::"));
        YamlNode transform = root.get("Transform").orElse(null);
        boolean declared = transform != null && Nodes.listOrOne(transform).stream()
                .anyMatch(t -> t instanceof YamlScalar s && TRANSFORM.equals(s.value()));
        if (serverless && !declared) {
            problems.add(transform == null ? root.position() : transform.position(), "Transform",
                    "AWS::Serverless resources need the SAM transform; add Transform: " + TRANSFORM);
        }
    }

    /** A resource whose {@code Condition} is false does not exist, as in CloudFormation. */
    private boolean included(String id, YamlMap resource) {
        return resource.get("Condition").map(c -> problems.guard(id, true,
                () -> scope.condition(Nodes.text(c, "Condition"), c.position()))).orElse(true);
    }

    private void addImplicitApis(List<FunctionResource> functions, List<ApiResource> apis) {
        for (String implicit : List.of("ServerlessRestApi", "ServerlessHttpApi")) {
            boolean used = functions.stream().flatMap(f -> f.events().stream())
                    .anyMatch(e -> e instanceof EventSource.Http h && h.api().equals(implicit));
            if (used) {
                EventSource.ApiKind kind = implicit.equals("ServerlessRestApi") ? EventSource.ApiKind.REST
                        : EventSource.ApiKind.HTTP;
                YamlMap global = section(globals, kind == EventSource.ApiKind.REST ? "Api" : "HttpApi");
                apis.add(new ApiResource(implicit, kind, kind == EventSource.ApiKind.REST ? "Prod" : "$default",
                        global.get("Cors").map(n -> Nodes.plain(resolve(n))).orElse(null),
                        global.get("Auth").map(n -> Nodes.plain(resolve(n))).orElse(null), true, root.position()));
            }
        }
    }

    private void checkApiReferences(List<FunctionResource> functions, List<ApiResource> apis) {
        for (FunctionResource f : functions) {
            for (EventSource e : f.events()) {
                if (e instanceof EventSource.Http h && apis.stream().noneMatch(a -> a.logicalId().equals(h.api()))) {
                    String type = h.kind() == EventSource.ApiKind.REST ? "AWS::Serverless::Api" : "AWS::Serverless::HttpApi";
                    problems.add(e.position(), f.logicalId(), "event " + e.id() + " names API " + h.api()
                            + ", which is not a " + type + " in this template; declare it, or leave out "
                            + (h.kind() == EventSource.ApiKind.REST ? "RestApiId" : "ApiId") + " to use the implicit API");
                }
            }
        }
    }

    private List<OutputValue> outputs() {
        List<OutputValue> outputs = new ArrayList<>();
        section(root, "Outputs").entries().forEach((name, node) -> problems.guard("Outputs." + name, null, () -> {
            YamlMap output = Nodes.map(node, "output " + name);
            if (output.get("Condition").isPresent() && !scope.condition(
                    Nodes.text(output.entries().get("Condition"), "Condition"), output.position())) {
                return null;
            }
            YamlNode value = resolve(output.get("Value").orElseThrow(() -> new ConfigError(output.position(),
                    "output " + name + " has no Value; add one")));
            String text = value instanceof YamlList l ? String.join(",", l.items().stream()
                    .map(i -> Nodes.text(i, "Value")).toList()) : Nodes.text(value, "Value");
            String description = Nodes.optText(output, "Description").orElse("");
            outputs.add(new OutputValue(name, text, description));
            return null;
        }));
        return outputs;
    }

    // ----- what the resource readers share

    YamlNode resolve(YamlNode node) {
        return scope.intrinsics().resolve(node);
    }

    Intrinsics intrinsics() {
        return scope.intrinsics();
    }

    SamScope scope() {
        return scope;
    }

    Problems problems() {
        return problems;
    }

    Path baseDir() {
        return baseDir;
    }

    LocalNames names() {
        return names;
    }

    YamlMap globals(String section) {
        return section(globals, section);
    }

    Optional<YamlMap> resource(String id) {
        return Optional.ofNullable(resources.get(id));
    }

    Map<String, YamlMap> resources() {
        return resources;
    }

    static YamlMap properties(YamlMap resource) {
        return section(resource, "Properties");
    }

    static YamlMap section(YamlMap parent, String key) {
        YamlNode node = parent.get(key).orElse(null);
        return node instanceof YamlMap m ? m : Nodes.mapOf(Map.of(), node == null ? parent.position() : node.position());
    }
}
