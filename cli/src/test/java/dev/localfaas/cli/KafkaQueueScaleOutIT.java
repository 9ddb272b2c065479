package dev.localfaas.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localfaas.runtime.trigger.kafka.KafkaBroker;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two shipped {@code faas.jar run --broker kafka://...} processes serve one template whose SQS-triggered function (the
 * real fixtures-triggers JAR's slow consumer) reads a queue kept on a real Kafka broker: they split the queue's
 * partitions; one is killed with {@code kill -9} with batches in flight, and the other takes its partitions over.
 * Every message is processed at least once, counted from the lines the handler logs before its batch is deleted.
 */
class KafkaQueueScaleOutIT {

    private static final int MESSAGES = 200;
    private static final Pattern PROCESSED = Pattern.compile("slow-consumer: processed ([0-9a-f-]{36})");

    @TempDir
    Path tmp;

    @Test
    void twoInstancesShareAQueueOnKafkaAndTheSurvivorOfAKill9DeliversWhatTheOtherHadInFlight() throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        String queue = "work-" + UUID.randomUUID().toString().substring(0, 8);
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.copy(CliRun.samples().resolveSibling("test-functions").resolve("fixtures-triggers.jar"),
                project.resolve("fixtures-triggers.jar"));
        Path template = Files.writeString(project.resolve("template.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: fixtures-triggers.jar
                      Handler: fixtures.triggers.SlowConsumer::handleRequest
                      Runtime: java21
                      Timeout: 2
                      ReservedConcurrentExecutions: 1
                      Events:
                        Work:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt WorkQueue.Arn
                            BatchSize: 10
                  WorkQueue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: %s
                      VisibilityTimeout: 4
                """.formatted(queue));
        String brokerUri = "kafka://" + broker.bootstrapServers() + "?partitions=4";

        try (RunningFaas first = start(template, brokerUri, "first")) {
            assertTrue(first.out().contains("Queues on Kafka at kafka://" + broker.bootstrapServers()), first.out());
            await().atMost(Duration.ofSeconds(60)).until(() -> owned(first, queue) == 4);
            try (RunningFaas second = start(template, brokerUri, "second")) {
                await().atMost(Duration.ofSeconds(60)).until(() -> owned(first, queue) > 0 && owned(second, queue) > 0
                        && owned(first, queue) + owned(second, queue) == 4);
                assertTrue(second.err().contains("faas: queue " + queue + ": owns Kafka partitions localfaas.queue."
                        + queue + "-"), "faas run prints the partitions it owns:\n" + second.err());
                assertEquals("kafka://" + broker.bootstrapServers(), first.getJson("/_faas/queues").get("store").asText());

                List<String> sent = new ArrayList<>();
                for (int i = 0; i < MESSAGES; i++) {
                    HttpResponse<String> r = second.post("/_faas/queues/" + queue + "/messages", "{\"n\":" + i + "}");
                    assertEquals(200, r.statusCode(), r.body());
                    sent.add(RunningFaas.JSON.readTree(r.body()).get("messageId").asText());
                }
                // 25 ms a message, one batch of 10 at a time per instance: the first is mid-way when killed.
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .until(() -> counts(first).size() >= 30);
                first.kill();

                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                        .until(() -> merged(first, second).keySet().containsAll(sent));
                Map<String, Integer> counts = merged(first, second);
                assertTrue(counts.values().stream().allMatch(n -> n >= 1), "every message processed at least once");
                await().atMost(Duration.ofSeconds(30)).until(() -> owned(second, queue) == 4);
                JsonNode panel = null;
                for (JsonNode q : second.getJson("/_faas/overview").get("panels").get("queues")) {
                    panel = q.get("name").asText().equals(queue) ? q : panel;
                }
                assertEquals(4, panel.get("partitions").size(), "the dashboard shows the partitions: " + panel);
                assertEquals(0, second.stop(), second.err());
            }
        }
    }

    private static RunningFaas start(Path template, String broker, String label) throws Exception {
        return RunningFaas.startWith(List.of("run", "-t", template.toString(), "--port", "0", "--state-dir",
                template.resolveSibling(".faas-" + label).toString(), "--broker", broker),
                template.getParent().getParent(), label);
    }

    /** How many partitions of the queue an instance owns now, from its admin API. */
    private static int owned(RunningFaas faas, String queue) throws Exception {
        JsonNode q = faas.queue(queue);
        return q.isMissingNode() || !q.has("partitions") ? 0 : q.get("partitions").size();
    }

    private static Map<String, Integer> counts(RunningFaas faas) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = PROCESSED.matcher(faas.out());
        while (m.find()) {
            counts.merge(m.group(1), 1, Integer::sum);
        }
        return counts;
    }

    private static Map<String, Integer> merged(RunningFaas a, RunningFaas b) {
        Map<String, Integer> all = counts(a);
        counts(b).forEach((id, n) -> all.merge(id, n, Integer::sum));
        return all;
    }
}
