package dev.localfaas.runtime.trigger.kafka;

import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.KafkaTriggerSpec;
import dev.localfaas.runtime.trigger.pattern.EventPattern;
import dev.localfaas.runtime.trigger.pattern.PatternException;
import dev.localfaas.runtime.trigger.pattern.PatternGrammar;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks CreateEventSourceMapping makes on a Kafka event source, as one-line problems naming the function. */
public final class KafkaTriggerRules {

    static final Set<String> POSITIONS = Set.of("TRIM_HORIZON", "LATEST", "AT_TIMESTAMP");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    private static final Pattern DESTINATION = Pattern.compile("(queue|topic):[A-Za-z0-9_.-]{1,256}");

    private KafkaTriggerRules() {
    }

    /** The brokers a trigger reads: its own, else the default; "" when neither names any. */
    public static String servers(KafkaTriggerSpec spec, String defaultServers) {
        return spec.bootstrapServers().isBlank() ? defaultServers == null ? "" : defaultServers : spec.bootstrapServers();
    }

    /** Every problem with one Kafka trigger of a function. */
    public static List<String> check(FunctionSpec f, KafkaTriggerSpec k, String defaultServers) {
        List<String> p = new ArrayList<>();
        String at = f.name() + ": Kafka trigger on " + (k.topics().isEmpty() ? "no topic" : String.join(",", k.topics())) + ": ";
        if (k.topics().isEmpty()) {
            p.add(at + "name the topics to consume, e.g. Topics: [orders]");
        }
        for (String t : k.topics()) {
            if (!TOPIC.matcher(t).matches()) {
                p.add(at + "topic '" + t + "' is not a Kafka topic name; use 1 to 249 letters, digits, '.', '_' or '-'");
            }
        }
        if (servers(k, defaultServers).isBlank()) {
            p.add(at + "no bootstrap servers; set KafkaBootstrapServers (template), bootstrapServers (@KafkaTrigger),"
                    + " or start faas run --kafka host:9092");
        }
        if (!POSITIONS.contains(k.startingPosition())) {
            p.add(at + "StartingPosition " + k.startingPosition() + " is not TRIM_HORIZON, LATEST or AT_TIMESTAMP");
        } else if (k.startingPosition().equals("AT_TIMESTAMP") && k.startingPositionTimestamp() <= 0) {
            p.add(at + "StartingPosition AT_TIMESTAMP needs StartingPositionTimestamp (epoch seconds)");
        }
        if (k.batchSize() < 1 || k.batchSize() > 10_000) {
            p.add(at + "BatchSize " + k.batchSize() + " is out of range; use 1 to 10000");
        }
        if (k.maximumBatchingWindowMillis() < 0 || k.maximumBatchingWindowMillis() > 300_000) {
            p.add(at + "MaximumBatchingWindowInSeconds " + k.maximumBatchingWindowMillis() / 1000
                    + " is out of range; use 0 to 300");
        }
        if (k.filters().size() > 5) {
            p.add(at + k.filters().size() + " filters; Lambda takes at most 5 FilterCriteria patterns");
        }
        for (String filter : k.filters()) {
            try {
                EventPattern.compile(filter, PatternGrammar.EVENTBRIDGE);
            } catch (PatternException e) {
                p.add(at + "FilterCriteria: " + e.getMessage());
            }
        }
        if (!k.onFailure().isBlank() && !DESTINATION.matcher(k.onFailure()).matches()) {
            p.add(at + "on-failure destination '" + k.onFailure() + "' is not a queue or topic; use an SQS or SNS ARN"
                    + " (!GetAtt Dlq.Arn, !Ref Topic), or queue:NAME / topic:NAME in @KafkaTrigger");
        }
        if (k.maximumRetryAttempts() < -1 || k.maximumRetryAttempts() > 10_000) {
            p.add(at + "MaximumRetryAttempts " + k.maximumRetryAttempts() + " is out of range; use -1 (until it"
                    + " succeeds) or 0 to 10000");
        }
        if (k.maximumRecordAgeSeconds() != -1 && (k.maximumRecordAgeSeconds() < 60 || k.maximumRecordAgeSeconds() > 604_800)) {
            p.add(at + "MaximumRecordAgeInSeconds " + k.maximumRecordAgeSeconds() + " is out of range; use -1 or 60 to 604800");
        }
        return p;
    }
}
