package dev.localfaas.runtime.config.sam;

import dev.localfaas.runtime.config.ConfigError;
import dev.localfaas.runtime.config.EventSource;
import dev.localfaas.runtime.config.EventSource.ApiKind;
import dev.localfaas.runtime.config.LocalNames;
import dev.localfaas.runtime.config.Nodes;
import dev.localfaas.runtime.config.intrinsic.Intrinsics;
import dev.localfaas.runtime.config.yaml.YamlMap;
import dev.localfaas.runtime.config.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A function's {@code Events}: each one read into an {@link EventSource}, or a problem at its position. */
final class SamEventReader {

    private final SamTemplateReader template;
    private final List<String> warnings;

    SamEventReader(SamTemplateReader template, List<String> warnings) {
        this.template = template;
        this.warnings = warnings;
    }

    static boolean isIntrinsic(YamlNode node) {
        return Intrinsics.isIntrinsic(node);
    }

    List<EventSource> read(String functionId, YamlMap properties) {
        List<EventSource> events = new ArrayList<>();
        YamlNode raw = properties.get("Events").orElse(null);
        if (raw == null || Nodes.isNull(raw)) {
            return events;
        }
        YamlMap declared = template.problems().guard(functionId, null, () -> Nodes.map(raw, "Events"));
        if (declared == null) {
            return events;
        }
        for (Map.Entry<String, YamlNode> e : declared.entries().entrySet()) {
            String id = e.getKey();
            template.problems().guard(functionId, Optional.<EventSource>empty(), () -> event(functionId, id,
                    Nodes.map(e.getValue(), "event " + id))).ifPresent(events::add);
        }
        return events;
    }

    private Optional<EventSource> event(String functionId, String id, YamlMap event) {
        String type = Nodes.text(event.get("Type").orElseThrow(() -> new ConfigError(event.position(),
                "event " + id + " has no Type; add Type: Api, HttpApi, Schedule, SQS, ...")), "Type");
        YamlMap p = Nodes.map(template.resolve(SamTemplateReader.section(event, "Properties")), "Properties");
        var at = event.position();
        EventSource source = switch (type) {
            case "Api" -> new EventSource.Http(id, ApiKind.REST, required(p, "Method", id, "GET").toUpperCase(Locale.ROOT),
                    required(p, "Path", id, "/hello"), Nodes.optText(p, "RestApiId").orElse("ServerlessRestApi"), "1.0",
                    p.get("Auth").map(Nodes::plain).orElse(null), at);
            case "HttpApi" -> {
                String format = Nodes.optText(p, "PayloadFormatVersion").orElse("2.0");
                if (!format.equals("1.0") && !format.equals("2.0")) {
                    throw new ConfigError(p.get("PayloadFormatVersion").get().position(), "PayloadFormatVersion "
                            + format + " is not 1.0 or 2.0");
                }
                String method = Nodes.optText(p, "Method").orElse("ANY").toUpperCase(Locale.ROOT);
                String path = Nodes.optText(p, "Path").orElse("/{proxy+}"); // no Path: the API's $default route
                yield new EventSource.Http(id, ApiKind.HTTP, method, path,
                        Nodes.optText(p, "ApiId").orElse("ServerlessHttpApi"), format,
                        p.get("Auth").map(Nodes::plain).orElse(null), at);
            }
            case "Schedule" -> new EventSource.Schedule(id, required(p, "Schedule", id, "rate(5 minutes)"),
                    input(p), Nodes.optBool(p, "Enabled").orElse(!"DISABLED".equals(Nodes.optText(p, "State").orElse(""))),
                    Nodes.optText(p, "Name").orElse(""), at);
            case "ScheduleV2" -> new EventSource.Schedule(id, required(p, "ScheduleExpression", id, "rate(5 minutes)"),
                    input(p), !"DISABLED".equals(Nodes.optText(p, "State").orElse("ENABLED")),
                    Nodes.optText(p, "Name").orElse(""), at);
            case "SQS" -> new EventSource.Queue(id, LocalNames.nameInArn(required(p, "Queue", id, "!GetAtt MyQueue.Arn")),
                    Nodes.optInt(p, "BatchSize", 1, 10_000).orElse(10),
                    Nodes.optInt(p, "MaximumBatchingWindowInSeconds", 0, 300).orElse(0),
                    Nodes.optBool(p, "Enabled").orElse(true), at);
            case "SNS" -> new EventSource.Topic(id, LocalNames.nameInArn(required(p, "Topic", id, "!Ref MyTopic")),
                    p.get("FilterPolicy").map(Nodes::plain).orElse(null),
                    Nodes.optText(p, "FilterPolicyScope").orElse("MessageAttributes"), at);
            case "EventBridgeRule", "CloudWatchEvent" -> new EventSource.BusRule(id,
                    LocalNames.nameInArn(Nodes.optText(p, "EventBusName").orElse("default")),
                    p.get("Pattern").map(Nodes::plain).orElse(null), input(p), Nodes.optText(p, "RuleName").orElse(""), at);
            case "S3" -> bucket(id, p, at);
            case "Kafka", "SelfManagedKafka", "MSK" -> new EventSource.Stream(id, type,
                    p.get("Topics").map(t -> Nodes.list(t, "Topics").stream().map(x -> Nodes.text(x, "Topics")).toList())
                            .orElse(List.of()), Nodes.plain(p), at);
            default -> {
                warnings.add(functionId + ": event " + id + " of type " + type + " is not emulated; invoke the"
                        + " function with faas invoke and a sample event instead");
                yield null;
            }
        };
        if (source != null && !source.served()) {
            warnings.add(functionId + ": event " + id + " (" + type + ") is read but not served yet; localfaas"
                    + " delivers no " + type + " events to this function today");
        }
        return Optional.ofNullable(source);
    }

    /** {@code Bucket: !Ref B} resolves to the bucket's name; {@code Filter.S3Key.Rules} give prefix and suffix. */
    private static EventSource bucket(String id, YamlMap p, dev.localfaas.runtime.config.yaml.Position at) {
        String bucket = LocalNames.nameInArn(required(p, "Bucket", id, "!Ref UploadsBucket"));
        YamlNode eventsNode = p.get("Events").orElseThrow(() -> new ConfigError(p.position(), "event " + id
                + " has no Events; add Events: s3:ObjectCreated:*"));
        List<String> events = Nodes.listOrOne(eventsNode).stream().map(e -> Nodes.text(e, "Events")).toList();
        String prefix = "";
        String suffix = "";
        Optional<YamlNode> rules = p.get("Filter").map(f -> Nodes.map(f, "Filter")).flatMap(f -> f.get("S3Key"))
                .map(k -> Nodes.map(k, "S3Key")).flatMap(k -> k.get("Rules"));
        for (YamlNode r : rules.map(n -> Nodes.list(n, "Rules")).orElse(List.of())) {
            YamlMap rule = Nodes.map(r, "Rules");
            String name = Nodes.optText(rule, "Name").orElse("").toLowerCase(Locale.ROOT);
            String value = Nodes.optText(rule, "Value").orElse("");
            switch (name) {
                case "prefix" -> prefix = value;
                case "suffix" -> suffix = value;
                default -> throw new ConfigError(rule.position(), "event " + id + ": S3Key rule Name " + name
                        + " is not prefix or suffix; write Name: prefix or Name: suffix");
            }
        }
        return new EventSource.Bucket(id, bucket, events, prefix, suffix, at);
    }

    private static String required(YamlMap p, String key, String event, String example) {
        return Nodes.optText(p, key).orElseThrow(() -> new ConfigError(p.position(), "event " + event + " has no "
                + key + "; add " + key + ": " + example));
    }

    private static String input(YamlMap p) {
        return Nodes.optText(p, "Input").orElse("");
    }
}
