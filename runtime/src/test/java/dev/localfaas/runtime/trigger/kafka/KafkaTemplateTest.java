package dev.localfaas.runtime.trigger.kafka;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.Samples;
import dev.localfaas.runtime.config.Project;
import dev.localfaas.runtime.config.ProjectLoader;
import dev.localfaas.runtime.config.ProjectOptions;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.KafkaTriggerSpec;
import dev.localfaas.runtime.trigger.queue.SqliteQueueBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SAM template declares a {@code SelfManagedKafka} event and an {@code MSK}-style CloudFormation event source mapping;
 * {@code faas run}'s wiring runs the {@code KafkaEvent}-typed handler of the real fixtures-kafka JAR for both.
 */
class KafkaTemplateTest {

    @TempDir
    Path dir;

    @Test
    void templateDeclaredKafkaEventsRunTheKafkaEventHandlerOfARealJar() throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        String orders = broker.createTopic("orders", 2);
        String audit = broker.createTopic("audit", 1);
        Files.copy(Samples.testFunctions().resolve("fixtures-kafka.jar"), dir.resolve("fixtures-kafka.jar"));
        Path ordersFile = dir.resolve("orders.txt");
        Path auditFile = dir.resolve("audit.txt");
        Path template = Files.writeString(dir.resolve("template.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Orders:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: fixtures-kafka.jar
                      Handler: fixtures.kafka.KafkaRecorder::handleRequest
                      Runtime: java21
                      Timeout: 10
                      Environment:
                        Variables:
                          RECORD_FILE: %s
                      Events:
                        OrderStream:
                          Type: SelfManagedKafka
                          Properties:
                            KafkaBootstrapServers: [%s]
                            Topics: [%s]
                            StartingPosition: TRIM_HORIZON
                            BatchSize: 10
                            MaximumBatchingWindowInSeconds: 0
                            ConsumerGroupId: orders-template
                            FilterCriteria:
                              Filters:
                                - Pattern: '{"value": {"kind": ["order"]}}'
                            DestinationConfig:
                              OnFailure:
                                Destination: !GetAtt Failed.Arn
                  Audit:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: fixtures-kafka.jar
                      Handler: fixtures.kafka.KafkaRecorder::handleRequest
                      Runtime: java21
                      Environment:
                        Variables:
                          RECORD_FILE: %s
                  AuditMapping:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      FunctionName: !Ref Audit
                      EventSourceArn: arn:aws:kafka:us-east-1:123456789012:cluster/shop/abc-1
                      Topics: [%s]
                      StartingPosition: TRIM_HORIZON
                      AmazonManagedKafkaEventSourceConfig:
                        ConsumerGroupId: audit-template
                  Failed:
                    Type: AWS::SQS::Queue
                """.formatted(ordersFile, broker.bootstrapServers(), orders, auditFile, audit));
        Project project = ProjectLoader.load(template, ProjectOptions.defaults());
        FunctionSpec ordersSpec = project.catalog().find("Orders").orElseThrow();
        KafkaTriggerSpec declared = ordersSpec.events().kafka().get(0);
        assertEquals(List.of(orders), declared.topics());
        assertEquals("queue:Failed", declared.onFailure());
        assertEquals(0, declared.maximumBatchingWindowMillis());
        assertEquals(List.of("{\"value\": {\"kind\": [\"order\"]}}"), declared.filters(), "a JSON string as written");
        KafkaTriggerSpec mapping = project.catalog().find("Audit").orElseThrow().events().kafka().get(0);
        assertEquals(KafkaTriggerSpec.MSK, mapping.eventSource());
        assertEquals("", mapping.bootstrapServers(), "MSK brokers come from --kafka");

        broker.send(List.of(
                new ProducerRecord<>(orders, 0, null, "{\"kind\":\"order\",\"id\":1}".getBytes(StandardCharsets.UTF_8)),
                new ProducerRecord<>(orders, 1, null, "{\"kind\":\"refund\",\"id\":2}".getBytes(StandardCharsets.UTF_8)),
                new ProducerRecord<>(orders, 1, null, "{\"kind\":\"order\",\"id\":3}".getBytes(StandardCharsets.UTF_8)),
                new ProducerRecord<>(audit, 0, null, "audited".getBytes(StandardCharsets.UTF_8))));

        List<String> notices = new CopyOnWriteArrayList<>();
        RuntimeConfig config = RuntimeConfig.forDirectory(dir);
        try (LocalFaas faas = LocalFaas.open(config, f -> f, project::catalog);
             SqliteQueueBackend queues = SqliteQueueBackend.open(dir.resolve("queues.db"), notices::add);
             KafkaTriggers triggers = new KafkaTriggers(faas, FailureSink.of(queues, null),
                     KafkaSettings.defaults(broker.bootstrapServers(), config.region(), config.accountId()), notices::add)) {
            triggers.start(faas.functions());
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(ordersFile) && Files.exists(auditFile)
                    && Files.readAllLines(ordersFile).size() == 2 && Files.readAllLines(auditFile).size() == 1);
            List<String> orderValues = Files.readAllLines(ordersFile).stream().map(l -> l.split(" ")[5]).sorted().toList();
            assertEquals(List.of("{\"kind\":\"order\",\"id\":1}", "{\"kind\":\"order\",\"id\":3}"), orderValues,
                    "the refund was filtered out");
            String[] auditLine = Files.readAllLines(auditFile).get(0).split(" ");
            assertEquals("audited", auditLine[5]);
            assertEquals("aws:kafka", auditLine[9]);
            assertEquals("arn:aws:kafka:us-east-1:123456789012:cluster/shop/abc-1", auditLine[11], "eventSourceArn");
            assertTrue(notices.stream().anyMatch(n -> n.startsWith("Audit: owns Kafka partitions " + audit + "-0")),
                    notices.toString());
        }
    }
}
