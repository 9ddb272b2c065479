package dev.localfaas.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localfaas.runtime.trigger.kafka.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two shipped {@code faas.jar run} processes serve one template whose function consumes a 4-partition topic of a
 * real Kafka broker: they split the partitions in one consumer group; one is killed with {@code kill -9} while a batch
 * is in flight, and the other takes its partitions over from the last committed offsets. Every record is processed at
 * least once, counted from the lines the handler writes before it is answered.
 */
class KafkaScaleOutIT {

    private static final int PARTITIONS = 4;
    private static final int PER_PARTITION = 50;

    @TempDir
    Path tmp;

    @Test
    void twoInstancesSplitThePartitionsAndTheSurvivorOfAKill9ResumesFromTheCommittedOffsets() throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        String topic = broker.createTopic("scale", PARTITIONS);
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.copy(CliRun.samples().resolveSibling("test-functions").resolve("fixtures-kafka.jar"),
                project.resolve("fixtures-kafka.jar"));
        Path records = tmp.resolve("records.txt");
        Path template = Files.writeString(project.resolve("template.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Recorder:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: fixtures-kafka.jar
                      Handler: fixtures.kafka.KafkaRecorder::handleRequest
                      Runtime: java21
                      Timeout: 10
                      Environment:
                        Variables:
                          RECORD_FILE: %s
                          SLEEP_MS: "150"
                      Events:
                        Stream:
                          Type: SelfManagedKafka
                          Properties:
                            Topics: [%s]
                            BatchSize: 10
                            MaximumBatchingWindowInSeconds: 0
                """.formatted(records, topic));

        try (RunningFaas first = start(template, broker, "first")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> owned(first) == PARTITIONS);
            try (RunningFaas second = start(template, broker, "second")) {
                await().atMost(Duration.ofSeconds(60)).until(() -> owned(first) > 0 && owned(second) > 0
                        && owned(first) + owned(second) == PARTITIONS);
                assertTrue(second.err().contains("Recorder: owns Kafka partitions " + topic + "-"),
                        "faas run prints the partitions it owns:\n" + second.err());

                List<ProducerRecord<byte[], byte[]>> sent = new ArrayList<>();
                for (int i = 0; i < PER_PARTITION; i++) {
                    for (int p = 0; p < PARTITIONS; p++) {
                        sent.add(new ProducerRecord<>(topic, p, null, ("p" + p + "-" + i).getBytes(StandardCharsets.UTF_8)));
                    }
                }
                broker.send(sent);
                // Each batch of 10 takes 150 ms: the first instance is mid-way, with a batch in flight, when killed.
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .until(() -> countsOf(records).size() >= 30);
                first.kill();

                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                        .until(() -> countsOf(records).size() == PARTITIONS * PER_PARTITION);
                Map<String, Integer> counts = countsOf(records);
                assertTrue(counts.values().stream().allMatch(n -> n >= 1), "every record processed at least once");
                int total = counts.values().stream().mapToInt(Integer::intValue).sum();
                assertTrue(total >= PARTITIONS * PER_PARTITION, "counted " + total);
                await().atMost(Duration.ofSeconds(30)).until(() -> owned(second) == PARTITIONS);
                JsonNode trigger = second.getJson("/_faas/kafka").get("triggers").get(0);
                assertEquals("localfaas-Recorder", trigger.get("consumerGroup").asText());
                assertEquals(0, second.stop(), second.err());
            }
        }
    }

    private static RunningFaas start(Path template, KafkaBroker broker, String label) throws Exception {
        return RunningFaas.startWith(List.of("run", "-t", template.toString(), "--port", "0", "--state-dir",
                template.resolveSibling(".faas-" + label).toString(), "--kafka", broker.bootstrapServers()),
                template.getParent().getParent(), label);
    }

    /** The partitions an instance owns now, from its admin API. */
    private static int owned(RunningFaas faas) throws Exception {
        JsonNode triggers = faas.getJson("/_faas/kafka").get("triggers");
        return triggers.isEmpty() ? 0 : triggers.get(0).get("partitions").size();
    }

    /** How often each record value was processed, by either instance. */
    private static Map<String, Integer> countsOf(Path records) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        if (Files.exists(records)) {
            for (String line : Files.readAllLines(records)) {
                String[] fields = line.split(" ");
                if (fields.length > 5) {
                    counts.merge(fields[5], 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
