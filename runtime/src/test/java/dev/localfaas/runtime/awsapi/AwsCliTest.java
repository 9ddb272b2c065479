package dev.localfaas.runtime.awsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI ({@code aws sqs ...}, {@code aws lambda ...}) against the gateway, as a user types it with
 * {@code --endpoint-url}. Skipped, with a message, where the CLI is not installed ({@code .ci/run} installs it).
 * Which SQS protocol the CLI speaks depends on its version: current ones use AWS JSON, older ones the query protocol.
 */
class AwsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static AwsApiGateway gw;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void start() {
        assumeTrue(cliInstalled(), "the AWS CLI is not installed (apt-get install awscli); skipping the aws sqs tests");
        gw = AwsApiGateway.start(dir.resolve("functions"), dir.resolve("state"));
    }

    @AfterAll
    static void stop() {
        if (gw != null) {
            gw.close();
        }
    }

    /** Looked up on PATH rather than run: each start of the CLI costs seconds. */
    static boolean cliInstalled() {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "aws")));
    }

    static Run aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", gw.url(), "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
        env.put("AWS_PAGER", "");
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "aws " + String.join(" ", args) + " did not finish");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    static JsonNode ok(Run run) throws IOException {
        assertEquals(0, run.exit(), run.err());
        return run.out().isBlank() ? JSON.createObjectNode() : JSON.readTree(run.out());
    }

    @Test
    void sendReceiveAndDeleteWithAwsSqs() throws Exception {
        String url = ok(aws("sqs", "create-queue", "--queue-name", "cli-orders",
                "--attributes", "VisibilityTimeout=40")).get("QueueUrl").asText();
        assertEquals(gw.url() + "/123456789012/cli-orders", url);
        JsonNode sent = ok(aws("sqs", "send-message", "--queue-url", url, "--message-body", "hello from the CLI",
                "--message-attributes", "{\"kind\":{\"DataType\":\"String\",\"StringValue\":\"greeting\"}}"));
        JsonNode got = ok(aws("sqs", "receive-message", "--queue-url", url, "--attribute-names", "All",
                "--message-attribute-names", "All", "--wait-time-seconds", "1"));
        JsonNode message = got.get("Messages").get(0);
        assertEquals(sent.get("MessageId"), message.get("MessageId"));
        assertEquals("hello from the CLI", message.get("Body").asText());
        assertEquals("greeting", message.at("/MessageAttributes/kind/StringValue").asText());
        assertEquals("1", message.at("/Attributes/ApproximateReceiveCount").asText());
    }

    @Test
    void errorsNameTheSqsErrorCode() throws Exception {
        Run missing = aws("sqs", "get-queue-url", "--queue-name", "no-such-queue");
        assertNotEquals(0, missing.exit());
        assertTrue(missing.err().contains("NonExistentQueue") || missing.err().contains("QueueDoesNotExist"),
                missing.err());
        assertTrue(missing.err().contains("The specified queue does not exist."), missing.err());
    }

    @Test
    void publishAndPutEventsWithAwsSnsAndAwsEvents() throws Exception {
        String queueUrl = ok(aws("sqs", "create-queue", "--queue-name", "cli-copies")).get("QueueUrl").asText();
        String topic = ok(aws("sns", "create-topic", "--name", "cli-topic")).get("TopicArn").asText();
        assertEquals("arn:aws:sns:us-east-1:123456789012:cli-topic", topic);
        ok(aws("sns", "subscribe", "--topic-arn", topic, "--protocol", "sqs", "--notification-endpoint",
                "arn:aws:sqs:us-east-1:123456789012:cli-copies", "--attributes", "RawMessageDelivery=true"));
        assertEquals(36, ok(aws("sns", "publish", "--topic-arn", topic, "--message", "via sns"))
                .get("MessageId").asText().length());
        ok(aws("events", "put-rule", "--name", "cli-rule", "--event-pattern", "{\"source\": [\"cli\"]}"));
        ok(aws("events", "put-targets", "--rule", "cli-rule", "--targets",
                "Id=copies,Arn=arn:aws:sqs:us-east-1:123456789012:cli-copies,InputPath=$.detail"));
        assertEquals(0, ok(aws("events", "put-events", "--entries",
                "[{\"Source\":\"cli\",\"DetailType\":\"t\",\"Detail\":\"{\\\"via\\\":\\\"events\\\"}\"}]"))
                .get("FailedEntryCount").asInt());
        JsonNode got = ok(aws("sqs", "receive-message", "--queue-url", queueUrl, "--max-number-of-messages", "10",
                "--wait-time-seconds", "1"));
        List<String> bodies = new ArrayList<>();
        got.get("Messages").forEach(m -> bodies.add(m.get("Body").asText()));
        assertEquals(List.of("via sns", "{\"via\":\"events\"}"), bodies.stream().sorted().toList());
        Run missing = aws("sns", "publish", "--topic-arn", "arn:aws:sns:us-east-1:123456789012:none", "--message", "x");
        assertTrue(missing.err().contains("NotFound") && missing.err().contains("Topic does not exist"), missing.err());
        Run noRule = aws("events", "list-targets-by-rule", "--rule", "none");
        assertTrue(noRule.err().contains("ResourceNotFoundException"), noRule.err());
    }
}
