package dev.localfaas.runtime.config.sam;

import dev.localfaas.runtime.config.ConfigError;
import dev.localfaas.runtime.config.EventSource;
import dev.localfaas.runtime.config.FunctionResource;
import dev.localfaas.runtime.config.LocalNames;
import dev.localfaas.runtime.config.Nodes;
import dev.localfaas.runtime.config.yaml.YamlMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudFormation's {@code AWS::Lambda::EventSourceMapping} of Kafka ({@code SelfManagedEventSource.Endpoints
 * .KafkaBootstrapServers}, or an MSK cluster's {@code EventSourceArn}), read into the shape of a SAM
 * {@code SelfManagedKafka}/{@code MSK} event and added to the events of the function it names.
 */
final class SamEventSourceMappings {

    private record Mapping(String function, EventSource.Stream event) {
    }

    private final SamTemplateReader template;
    private final List<Mapping> mappings = new ArrayList<>();

    SamEventSourceMappings(SamTemplateReader template) {
        this.template = template;
    }

    /** Reads a mapping; false when it is not a Kafka mapping (SQS, Kinesis, DynamoDB streams are read elsewhere or not). */
    @SuppressWarnings("unchecked")
    boolean read(String id, YamlMap resource) {
        YamlMap p = Nodes.map(template.resolve(SamTemplateReader.properties(resource)), "Properties");
        Map<String, Object> written = Nodes.plain(p) instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m)
                : new LinkedHashMap<>();
        String arn = Nodes.optText(p, "EventSourceArn").orElse("");
        boolean msk = arn.startsWith("arn:aws:kafka:");
        Object self = written.get("SelfManagedEventSource");
        if (!msk && self == null) {
            return false;
        }
        if (self instanceof Map<?, ?> s && s.get("Endpoints") instanceof Map<?, ?> endpoints) {
            written.put("KafkaBootstrapServers", endpoints.get("KafkaBootstrapServers"));
        }
        if (msk) {
            written.put("Stream", arn);
        }
        for (String config : List.of("SelfManagedKafkaEventSourceConfig", "AmazonManagedKafkaEventSourceConfig")) {
            if (written.get(config) instanceof Map<?, ?> c && c.get("ConsumerGroupId") != null) {
                written.put("ConsumerGroupId", c.get("ConsumerGroupId"));
            }
        }
        String function = LocalNames.nameInArn(Nodes.optText(p, "FunctionName").orElseThrow(() -> new ConfigError(
                resource.position(), "the event source mapping has no FunctionName; add FunctionName: !Ref YourFunction")));
        List<String> topics = written.get("Topics") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        mappings.add(new Mapping(function, new EventSource.Stream(id, msk ? "MSK" : "SelfManagedKafka", topics, written,
                resource.position())));
        return true;
    }

    /** The functions with the mappings that name them added to their events. */
    List<FunctionResource> attach(List<FunctionResource> functions) {
        List<FunctionResource> out = new ArrayList<>();
        for (FunctionResource f : functions) {
            List<EventSource> events = new ArrayList<>(f.events());
            mappings.stream().filter(m -> m.function().equals(f.logicalId()) || m.function().equals(f.name()))
                    .forEach(m -> events.add(m.event()));
            // withEvents keeps every other setting (the isolation was lost here when the record was copied by hand)
            out.add(events.size() == f.events().size() ? f : f.withEvents(events));
        }
        for (Mapping m : mappings) {
            if (functions.stream().noneMatch(f -> m.function().equals(f.logicalId()) || m.function().equals(f.name()))) {
                template.problems().add(m.event().position(), m.event().id(), "the event source mapping names function "
                        + m.function() + ", which the template does not declare; point FunctionName at one of its functions");
            }
        }
        return out;
    }
}
