package dev.localfaas.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.localfaas.runtime.Samples;
import dev.localfaas.runtime.function.KafkaTriggerSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka events of both project formats become {@link KafkaTriggerSpec}s, and a bad one is a problem at its line. */
class KafkaEventsTest {

    @TempDir
    Path tmp;

    @Test
    void serverlessKafkaAndMskEventsBecomeKafkaTriggers() throws Exception {
        Files.copy(Samples.testFunctions().resolve("fixtures-kafka.jar"), tmp.resolve("fixtures-kafka.jar"));
        Path file = Files.writeString(tmp.resolve("serverless.yml"), """
                service: shop
                provider:
                  name: aws
                  runtime: java21
                functions:
                  orders:
                    handler: fixtures.kafka.KafkaRecorder::handleRequest
                    package:
                      artifact: fixtures-kafka.jar
                    events:
                      - kafka:
                          topic: orders
                          bootstrapServers: [localhost:9092]
                          batchSize: 10
                          maximumBatchingWindow: 2
                          startingPosition: LATEST
                          consumerGroupId: shop-orders
                          filterPatterns:
                            - value: {kind: [order]}
                      - msk:
                          arn: arn:aws:kafka:us-east-1:123456789012:cluster/shop/abc-1
                          topic: audit
                          enabled: false
                """);
        Project project = ProjectLoader.load(file, ProjectOptions.defaults());
        List<KafkaTriggerSpec> kafka = project.catalog().find("shop-dev-orders").orElseThrow().events().kafka();
        assertEquals(List.of(
                new KafkaTriggerSpec("SelfManagedKafka", "", "localhost:9092", List.of("orders"), "LATEST", 0, 10, 2000,
                        "shop-orders", List.of("{\"value\":{\"kind\":[\"order\"]}}"), "", -1, -1, false, true),
                new KafkaTriggerSpec("aws:kafka", "arn:aws:kafka:us-east-1:123456789012:cluster/shop/abc-1", "",
                        List.of("audit"), "TRIM_HORIZON", 0, 100, 500, "", List.of(), "", -1, -1, false, false)), kafka);
        assertEquals(List.of(), project.model().warnings());
    }

    @Test
    void anOnFailureDestinationThatIsNoQueueOrTopicIsAProblemAtTheEvent() throws Exception {
        Files.copy(Samples.testFunctions().resolve("fixtures-kafka.jar"), tmp.resolve("fixtures-kafka.jar"));
        Path file = Files.writeString(tmp.resolve("template.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Orders:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: fixtures-kafka.jar
                      Handler: fixtures.kafka.KafkaRecorder::handleRequest
                      Runtime: java21
                      Events:
                        Stream:
                          Type: SelfManagedKafka
                          Properties:
                            KafkaBootstrapServers: [localhost:9092]
                            Topics: [orders]
                            DestinationConfig:
                              OnFailure:
                                Destination: arn:aws:s3:::failed-batches
                """);
        assertEquals(List.of(file + ":11:11: Orders: event Stream: OnFailure Destination 'arn:aws:s3:::failed-batches'"
                        + " is not a queue or topic; write Destination: !GetAtt FailedQueue.Arn or !Ref FailedTopic"),
                ProjectLoader.validate(file, ProjectOptions.defaults()).stream().map(TemplateProblem::toString).toList());
    }
}
