package dev.localfaas.runtime.config.sam;

import dev.localfaas.runtime.config.CodeLocator;
import dev.localfaas.runtime.config.ConfigError;
import dev.localfaas.runtime.config.EventSource;
import dev.localfaas.runtime.config.FunctionLogging;
import dev.localfaas.runtime.config.FunctionResource;
import dev.localfaas.runtime.config.Nodes;
import dev.localfaas.runtime.config.Problems;
import dev.localfaas.runtime.config.Runtimes;
import dev.localfaas.runtime.config.yaml.Position;
import dev.localfaas.runtime.config.yaml.YamlList;
import dev.localfaas.runtime.config.yaml.YamlMap;
import dev.localfaas.runtime.config.yaml.YamlNode;
import dev.localfaas.runtime.config.yaml.YamlScalar;
import dev.localfaas.runtime.function.FunctionSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one {@code AWS::Serverless::Function}: its properties under {@code Globals.Function} (SAM's merge rules: the
 * function's value wins, mappings such as Environment.Variables merge, lists such as Layers concatenate), each
 * property resolved on its own so that one bad property is one problem and the others are still checked.
 */
final class SamFunctionReader {

    private final SamTemplateReader template;
    private final List<String> warnings;
    private final SamEventReader events;

    SamFunctionReader(SamTemplateReader template, List<String> warnings) {
        this.template = template;
        this.warnings = warnings;
        this.events = new SamEventReader(template, warnings);
    }

    Optional<FunctionResource> read(String id, YamlMap resource) {
        Problems problems = template.problems();
        int before = problems.size();
        YamlMap p = merged(resource);
        Position at = resource.position();
        String packageType = prop(id, p, "PackageType").orElse("Zip");
        if (packageType.equals("Image")) {
            problems.add(at, id, "PackageType Image runs a container image, which localfaas does not; build a JAR"
                    + " and set CodeUri and Handler instead");
            return Optional.empty();
        }
        String runtime = prop(id, p, "Runtime").orElse("");
        if (runtime.isEmpty()) {
            problems.add(at, id, "no Runtime; add Runtime: java21 to the function or to Globals.Function");
        } else {
            Runtimes.problem(runtime).ifPresent(text -> problems.add(position(p, "Runtime", at), id, text));
        }
        String handler = prop(id, p, "Handler").orElse("");
        boolean folderCode = Runtimes.isProcessOnly(runtime);
        if (handler.isEmpty() && runtime.startsWith("provided")) {
            handler = "bootstrap"; // a custom runtime reads _HANDLER if it wants one; Lambda lets it be anything
        } else if (handler.isEmpty()) {
            problems.add(at, id, "no Handler; add Handler: package.Class::handleRequest (or package.Class)");
        }
        Path code = null;
        if (p.get("InlineCode").isPresent()) {
            problems.add(position(p, "InlineCode", at), id, "InlineCode cannot hold Java; build a JAR and set CodeUri");
        } else if (!p.has("CodeUri")) {
            problems.add(at, id, "no CodeUri; set CodeUri to the function's Maven module folder or JAR");
        } else {
            code = problems.guard(id, null, () -> {
                YamlNode uri = template.resolve(p.entries().get("CodeUri"));
                if (uri instanceof YamlMap) {
                    throw new ConfigError(uri.position(), "CodeUri points at S3 (Bucket/Key); localfaas runs local code,"
                            + " so set CodeUri to the function's module folder or JAR");
                }
                return folderCode ? CodeLocator.locateFolder(template.baseDir(), Nodes.text(uri, "CodeUri"), uri.position())
                        : CodeLocator.locate(template.baseDir(), Nodes.text(uri, "CodeUri"), uri.position());
            });
        }
        String name = problems.guard(id, id, () -> template.scope().name(id, at));
        int memory = problems.guard(id, FunctionSpec.DEFAULT_MEMORY_MB,
                () -> Nodes.optInt(resolved(p, "MemorySize"), "MemorySize", 128, 10_240).orElse(FunctionSpec.DEFAULT_MEMORY_MB));
        int timeout = problems.guard(id, FunctionSpec.DEFAULT_TIMEOUT_SECONDS,
                () -> Nodes.optInt(resolved(p, "Timeout"), "Timeout", 1, 900).orElse(FunctionSpec.DEFAULT_TIMEOUT_SECONDS));
        int reserved = problems.guard(id, 0, () -> Nodes.optInt(resolved(p, "ReservedConcurrentExecutions"),
                "ReservedConcurrentExecutions", 0, 1000).orElse(0));
        FunctionLogging logging = problems.guard(id, FunctionLogging.DEFAULT, () -> logging(p));
        Map<String, String> environment = problems.guard(id, Map.of(), () -> withLogging(environment(p), logging));
        String architecture = problems.guard(id, "x86_64", () -> architecture(p, at));
        String alias = prop(id, p, "AutoPublishAlias").orElse("");
        Object deployment = problems.guard(id, null, () -> resolved(p, "DeploymentPreference")
                .get("DeploymentPreference").map(Nodes::plain).orElse(null));
        List<Path> layers = problems.guard(id, List.of(), () -> layers(id, p));
        List<EventSource> eventList = events.read(id, p);
        String isolation = problems.guard(id, "", () -> isolation(resource, runtime));
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new FunctionResource(id, name, handler, code, runtime, memory, timeout, environment,
                architecture, reserved, alias, deployment, layers, eventList, at,
                position(p, "Handler", at), position(p, "CodeUri", at), isolation, logging));
    }

    /**
     * The resource's {@code Metadata: localfaas: isolation: process|classloader} (docs/isolation.md): how a Java
     * function's environments are isolated; other runtimes always run in a process.
     */
    private static String isolation(YamlMap resource, String runtime) {
        Optional<YamlMap> metadata = Nodes.optMap(resource, "Metadata");
        Optional<YamlMap> ours = metadata.flatMap(m -> Nodes.optMap(m, "localfaas"));
        Optional<String> value = ours.flatMap(m -> Nodes.optText(m, "isolation"));
        if (value.isEmpty()) {
            return "";
        }
        if (dev.localfaas.runtime.function.Isolation.parse(value.get()).isEmpty()) {
            throw new ConfigError(ours.get().get("isolation").orElseThrow().position(), "Metadata.localfaas.isolation "
                    + value.get() + " is not an isolation; use classloader or process");
        }
        if (!Runtimes.isJava(runtime) && value.get().equalsIgnoreCase("classloader")) {
            throw new ConfigError(ours.get().get("isolation").orElseThrow().position(), "Metadata.localfaas.isolation "
                    + "classloader is for Java; a " + runtime + " function always runs in a process");
        }
        return value.get();
    }

    /** Globals.Function under the function's own properties. */
    private YamlMap merged(YamlMap resource) {
        YamlMap own = SamTemplateReader.properties(resource);
        YamlMap global = template.globals("Function");
        Map<String, YamlNode> merged = new LinkedHashMap<>(global.entries());
        for (Map.Entry<String, YamlNode> e : own.entries().entrySet()) {
            YamlNode g = global.entries().get(e.getKey());
            merged.put(e.getKey(), g == null ? e.getValue() : merge(g, e.getValue()));
        }
        Map<String, Position> keys = new LinkedHashMap<>(global.keyPositions());
        keys.putAll(own.keyPositions());
        return new YamlMap(merged, keys, "", own.position());
    }

    /** SAM's rules: mappings merge key by key, lists concatenate (globals first), anything else the function wins. */
    private static YamlNode merge(YamlNode global, YamlNode own) {
        if (global instanceof YamlMap g && own instanceof YamlMap o && !SamEventReader.isIntrinsic(g)
                && !SamEventReader.isIntrinsic(o)) {
            Map<String, YamlNode> out = new LinkedHashMap<>(g.entries());
            o.entries().forEach((k, v) -> out.put(k, out.containsKey(k) ? merge(out.get(k), v) : v));
            return new YamlMap(out, o.keyPositions(), "", o.position());
        }
        if (global instanceof YamlList g && own instanceof YamlList o && g.tag().isEmpty() && o.tag().isEmpty()) {
            List<YamlNode> out = new ArrayList<>(g.items());
            out.addAll(o.items());
            return new YamlList(out, "", o.position());
        }
        return own;
    }

    private Optional<String> prop(String id, YamlMap p, String key) {
        return template.problems().guard(id, Optional.empty(), () -> Nodes.optText(resolved(p, key), key));
    }

    /** A one-entry mapping holding the resolved property, for the typed reads of {@link Nodes}. */
    private YamlMap resolved(YamlMap p, String key) {
        Map<String, YamlNode> one = new LinkedHashMap<>();
        p.get(key).ifPresent(v -> {
            YamlNode r = template.resolve(v);
            if (!Nodes.isNull(r)) {
                one.put(key, r);
            }
        });
        return Nodes.mapOf(one, p.position());
    }

    private static Position position(YamlMap p, String key, Position fallback) {
        return p.get(key).map(YamlNode::position).orElse(fallback);
    }

    private Map<String, String> environment(YamlMap p) {
        Optional<YamlMap> env = Nodes.optMap(resolved(p, "Environment"), "Environment");
        if (env.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        Nodes.optMap(env.get(), "Variables").ifPresent(vars -> vars.entries().forEach((k, v) ->
                out.put(k, Nodes.isNull(v) ? "" : Nodes.text(v, "Environment.Variables." + k))));
        return out;
    }

    /** The variables of the function's LoggingConfig, over its own: Lambda sets them and reserves their names. */
    private static Map<String, String> withLogging(Map<String, String> environment, FunctionLogging logging) {
        Map<String, String> out = new LinkedHashMap<>(environment);
        out.putAll(logging.variables());
        return out;
    }

    /**
     * {@code LoggingConfig}, checked as Lambda's CreateFunction checks it: {@code LogFormat} Text or JSON, log levels
     * only with JSON. {@code LogGroup} names a CloudWatch group, which has no local meaning, so it is accepted.
     */
    private FunctionLogging logging(YamlMap p) {
        Optional<YamlMap> config = Nodes.optMap(resolved(p, "LoggingConfig"), "LoggingConfig");
        if (config.isEmpty()) {
            return FunctionLogging.DEFAULT;
        }
        YamlMap c = config.get();
        String format = Nodes.optText(c, "LogFormat").orElse("Text");
        if (!format.equals("Text") && !format.equals("JSON")) {
            throw new ConfigError(c.get("LogFormat").orElseThrow().position(), "LoggingConfig.LogFormat " + format
                    + " is not a log format; use Text or JSON");
        }
        String application = level(c, "ApplicationLogLevel", List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"));
        String system = level(c, "SystemLogLevel", List.of("DEBUG", "INFO", "WARN"));
        if (!format.equals("JSON") && !(application + system).isEmpty()) {
            String key = application.isEmpty() ? "SystemLogLevel" : "ApplicationLogLevel";
            throw new ConfigError(c.get(key).orElseThrow().position(), "LoggingConfig." + key + " needs LogFormat: JSON,"
                    + " as on Lambda; add LogFormat: JSON or remove the level");
        }
        return new FunctionLogging(format, application, system);
    }

    private static String level(YamlMap config, String key, List<String> levels) {
        String level = Nodes.optText(config, key).orElse("");
        if (!level.isEmpty() && !levels.contains(level)) {
            throw new ConfigError(config.get(key).orElseThrow().position(), "LoggingConfig." + key + " " + level
                    + " is not a level; use " + String.join(", ", levels.subList(0, levels.size() - 1)) + " or "
                    + levels.get(levels.size() - 1));
        }
        return level;
    }

    private String architecture(YamlMap p, Position at) {
        YamlMap one = resolved(p, "Architectures");
        if (!one.has("Architectures")) {
            return "x86_64";
        }
        List<YamlNode> items = Nodes.list(one.entries().get("Architectures"), "Architectures");
        if (items.size() != 1) {
            throw new ConfigError(one.entries().get("Architectures").position(), "Architectures lists " + items.size()
                    + " values; Lambda takes exactly one, x86_64 or arm64");
        }
        String arch = Nodes.text(items.get(0), "Architectures");
        if (!arch.equals("x86_64") && !arch.equals("arm64")) {
            throw new ConfigError(items.get(0).position(), "Architectures " + arch + " is not x86_64 or arm64");
        }
        return arch;
    }

    /** Layers declared in this template contribute their java/lib JARs; a layer ARN elsewhere is skipped with a warning. */
    private List<Path> layers(String id, YamlMap p) {
        YamlNode raw = p.get("Layers").orElse(null);
        if (raw == null) {
            return List.of();
        }
        List<Path> jars = new ArrayList<>();
        for (YamlNode layer : Nodes.list(raw, "Layers")) {
            String ref = layer instanceof YamlMap m && m.has("Ref") ? Nodes.text(m.entries().get("Ref"), "Ref")
                    : "Ref".equals(layer.tag()) && layer instanceof YamlScalar s ? s.value() : null;
            Optional<YamlMap> local = ref == null ? Optional.empty() : template.resource(ref);
            if (local.isEmpty()) {
                String arn = Nodes.text(template.resolve(layer), "Layers");
                warnings.add(id + ": layer " + arn + " is not in this template, so it is not on the classpath;"
                        + " declare it as an AWS::Serverless::LayerVersion with a ContentUri, or bundle its JARs");
                continue;
            }
            YamlMap props = Nodes.map(template.resolve(SamTemplateReader.properties(local.get())), "Properties");
            String content = Nodes.optText(props, "ContentUri").or(() -> Nodes.optMap(props, "Content")
                    .flatMap(c -> Nodes.optText(c, "S3Key"))).orElseThrow(() -> new ConfigError(local.get().position(),
                    "layer " + ref + " has no ContentUri; set it to the folder holding java/lib/*.jar"));
            jars.addAll(CodeLocator.layerJars(template.baseDir(), content, layer.position()));
        }
        return jars;
    }
}
