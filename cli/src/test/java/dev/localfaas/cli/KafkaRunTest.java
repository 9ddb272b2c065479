package dev.localfaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faas run} refuses a Kafka trigger it cannot serve, in one line that says what to add. */
class KafkaRunTest {

    @TempDir
    Path tmp;

    @Test
    void anMskEventWithoutKafkaBrokersStopsFaasRunWithOneLine() throws Exception {
        Files.copy(CliRun.samples().resolveSibling("test-functions").resolve("fixtures-kafka.jar"),
                tmp.resolve("fixtures-kafka.jar"));
        Path template = Files.writeString(tmp.resolve("template.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Audit:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: fixtures-kafka.jar
                      Handler: fixtures.kafka.KafkaRecorder::handleRequest
                      Runtime: java21
                      Events:
                        Stream:
                          Type: MSK
                          Properties:
                            Stream: arn:aws:kafka:us-east-1:123456789012:cluster/shop/abc-1
                            Topics: [audit]
                            StartingPosition: LATEST
                """);
        CliRun run = CliRun.of("run", "-t", template.toString(), "--port", "0", "--state-dir", tmp.resolve(".faas").toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("faas: Audit: Kafka trigger on audit: no bootstrap servers; set"
                + " KafkaBootstrapServers (template), bootstrapServers (@KafkaTrigger), or start faas run --kafka"
                + " host:9092" + System.lineSeparator()), run.err());
    }

    @Test
    void aBadBrokerAddressStopsFaasRunWithOneLineNamingTheFlagAndTheForm() throws Exception {
        Path functions = Files.createDirectories(tmp.resolve("functions"));
        CliRun run = CliRun.of("run", functions.toString(), "--port", "0", "--broker", "localhost:9092");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertEquals("faas: --broker 'localhost:9092' is not a Kafka address; use kafka://host:9092[,host2:9092]"
                + "[?partitions=6]" + System.lineSeparator(), run.err());
    }
}
