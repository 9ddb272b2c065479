package dev.localfaas.runtime.config;

import dev.localfaas.runtime.function.KafkaTriggerSpec;
import dev.localfaas.runtime.trigger.pattern.PatternGrammar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code SelfManagedKafka}/{@code Kafka} or {@code MSK} event (or an {@code AWS::Lambda::EventSourceMapping}, read
 * into the same shape) as a {@link KafkaTriggerSpec}: bootstrap servers, topics, starting position, batching, consumer
 * group, filter criteria (checked with the one pattern matcher), on-failure destination and retry settings.
 */
final class KafkaEvents {

    private KafkaEvents() {
    }

    static KafkaTriggerSpec of(EventSource.Stream s) {
        Map<?, ?> p = s.properties() instanceof Map<?, ?> m ? m : Map.of();
        boolean msk = s.type().equals("MSK");
        String what = "event " + s.id();
        String servers = String.join(",", strings(p.get("KafkaBootstrapServers")));
        String clusterArn = msk ? text(p.get("Stream")) : "";
        if (msk && clusterArn.isBlank()) {
            throw new ConfigError(s.position(), what + " (MSK) has no Stream; add Stream: the cluster's ARN (the brokers"
                    + " come from faas run --kafka host:9092)");
        }
        if (s.topics().isEmpty()) {
            throw new ConfigError(s.position(), what + " has no Topics; add Topics: [orders]");
        }
        List<String> filters = new ArrayList<>();
        if (p.get("FilterCriteria") instanceof Map<?, ?> criteria && criteria.get("Filters") instanceof List<?> list) {
            for (Object f : list) {
                Object pattern = f instanceof Map<?, ?> fm ? fm.get("Pattern") : null;
                if (pattern == null) {
                    throw new ConfigError(s.position(), what + ": a FilterCriteria filter has no Pattern; write"
                            + " Filters: [{Pattern: '{\"value\": {\"type\": [\"order\"]}}'}]");
                }
                filters.add(PatternJson.of(pattern, PatternGrammar.EVENTBRIDGE, s.position(), what + " FilterCriteria"));
            }
        }
        String onFailure = "";
        if (p.get("DestinationConfig") instanceof Map<?, ?> d && d.get("OnFailure") instanceof Map<?, ?> f) {
            String destination = text(f.get("Destination"));
            if (destination.startsWith("arn:aws:sqs:")) {
                onFailure = "queue:" + LocalNames.nameInArn(destination);
            } else if (destination.startsWith("arn:aws:sns:")) {
                onFailure = "topic:" + LocalNames.nameInArn(destination);
            } else {
                throw new ConfigError(s.position(), what + ": OnFailure Destination '" + destination + "' is not a"
                        + " queue or topic; write Destination: !GetAtt FailedQueue.Arn or !Ref FailedTopic");
            }
        }
        String group = text(p.get("ConsumerGroupId"));
        String position = text(p.get("StartingPosition"));
        Object window = p.get("MaximumBatchingWindowInSeconds");
        return new KafkaTriggerSpec(msk ? KafkaTriggerSpec.MSK : KafkaTriggerSpec.SELF_MANAGED, clusterArn, servers,
                s.topics(), position.isBlank() ? "TRIM_HORIZON" : position, number(p, "StartingPositionTimestamp", 0, s),
                (int) number(p, "BatchSize", KafkaTriggerSpec.DEFAULT_BATCH_SIZE, s),
                window == null ? KafkaTriggerSpec.DEFAULT_BATCHING_WINDOW_MILLIS : (int) number(p, "MaximumBatchingWindowInSeconds", 0, s) * 1000,
                group, filters, onFailure, (int) number(p, "MaximumRetryAttempts", -1, s),
                (int) number(p, "MaximumRecordAgeInSeconds", -1, s),
                Boolean.parseBoolean(text(p.get("BisectBatchOnFunctionError"))),
                !"false".equalsIgnoreCase(text(p.get("Enabled"))));
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    private static List<String> strings(Object o) {
        if (o instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return o == null ? List.of() : List.of(String.valueOf(o));
    }

    private static long number(Map<?, ?> p, String key, long otherwise, EventSource.Stream s) {
        Object o = p.get(key);
        if (o instanceof Number n) {
            return n.longValue();
        }
        try {
            return o == null ? otherwise : (long) Double.parseDouble(String.valueOf(o));
        } catch (NumberFormatException e) {
            throw new ConfigError(s.position(), "event " + s.id() + ": " + key + " '" + o + "' is not a number");
        }
    }
}
