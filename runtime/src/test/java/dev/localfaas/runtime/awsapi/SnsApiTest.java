package dev.localfaas.runtime.awsapi;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sns.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sns.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.TooManyEntriesInBatchRequestException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * SNS through the real {@code SnsClient} (query protocol, XML answers) on the topics of {@code faas run}: topics and
 * subscriptions made here deliver like declared ones (the {@code sns-echo} fixture subscribes to {@code fanout} by
 * annotation), copies for queues are read back with {@code SqsClient}, and each documented error is its typed
 * exception.
 */
class SnsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARN = "arn:aws:sns:us-east-1:123456789012:";

    @TempDir
    static Path dir;
    static AwsApiGateway gw;
    static SnsClient sns;
    static SqsClient sqs;

    @BeforeAll
    static void start() throws Exception {
        Path functions = dir.resolve("functions");
        Files.createDirectories(functions);
        Files.copy(Samples.testFunctions().resolve("fixtures-pubsub.jar"), functions.resolve("fixtures-pubsub.jar"));
        gw = AwsApiGateway.start(functions, dir.resolve("state"));
        sns = gw.sns();
        sqs = gw.sqs();
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @Test
    void topicsAreCreatedListedDescribedAndDeleted() {
        String arn = sns.createTopic(r -> r.name("sns-topics")).topicArn();
        assertEquals(ARN + "sns-topics", arn);
        assertEquals(arn, sns.createTopic(r -> r.name("sns-topics")).topicArn(), "CreateTopic is idempotent");
        assertTrue(sns.listTopics().topics().stream().anyMatch(t -> t.topicArn().equals(arn)));
        assertTrue(sns.listTopics().topics().stream().anyMatch(t -> t.topicArn().equals(ARN + "fanout")),
                "the topic sns-echo declares is listed: one store");

        String fifo = sns.createTopic(r -> r.name("sns-topics.fifo")
                .attributes(Map.of("FifoTopic", "true", "ContentBasedDeduplication", "true"))).topicArn();
        Map<String, String> attributes = sns.getTopicAttributes(r -> r.topicArn(fifo)).attributes();
        assertEquals("true", attributes.get("FifoTopic"));
        assertEquals("true", attributes.get("ContentBasedDeduplication"));
        assertEquals("123456789012", attributes.get("Owner"));
        assertNotNull(sns.publish(r -> r.topicArn(fifo).message("one").messageGroupId("g")).sequenceNumber());

        sns.deleteTopic(r -> r.topicArn(arn));
        sns.deleteTopic(r -> r.topicArn(arn)); // deleting again is no error, as on SNS
        assertFalse(sns.listTopics().topics().stream().anyMatch(t -> t.topicArn().equals(arn)));
        assertThrows(NotFoundException.class, () -> sns.getTopicAttributes(r -> r.topicArn(arn)));
    }

    @Test
    void aQueueSubscriptionGetsTheEnvelopeOrTheRawMessageAndItsFilterPolicyIsApplied() throws Exception {
        String topic = sns.createTopic(r -> r.name("sns-queues")).topicArn();
        String envelopeQueue = sqs.createQueue(r -> r.queueName("sns-envelope")).queueUrl();
        String rawQueue = sqs.createQueue(r -> r.queueName("sns-raw")).queueUrl();
        String envelopeSub = sns.subscribe(r -> r.topicArn(topic).protocol("sqs")
                .endpoint("arn:aws:sqs:us-east-1:123456789012:sns-envelope")).subscriptionArn();
        String rawSub = sns.subscribe(r -> r.topicArn(topic).protocol("sqs")
                .endpoint("arn:aws:sqs:us-east-1:123456789012:sns-raw")
                .attributes(Map.of("RawMessageDelivery", "true"))).subscriptionArn();
        assertTrue(envelopeSub.startsWith(topic + ":"), envelopeSub);

        String id = sns.publish(r -> r.topicArn(topic).message("{\"n\":1}").subject("first")
                .messageAttributes(Map.of("kind", string("a")))).messageId();
        JsonNode envelope = JSON.readTree(receiveOne(envelopeQueue).body());
        assertEquals("Notification", envelope.get("Type").asText());
        assertEquals(id, envelope.get("MessageId").asText());
        assertEquals(topic, envelope.get("TopicArn").asText());
        assertEquals("first", envelope.get("Subject").asText());
        assertEquals("{\"n\":1}", envelope.get("Message").asText());
        assertEquals("a", envelope.get("MessageAttributes").get("kind").get("Value").asText());
        Message raw = receiveOne(rawQueue);
        assertEquals("{\"n\":1}", raw.body());

        sns.setSubscriptionAttributes(r -> r.subscriptionArn(rawSub).attributeName("FilterPolicy")
                .attributeValue("{\"kind\": [\"b\"]}"));
        sns.setSubscriptionAttributes(r -> r.subscriptionArn(envelopeSub).attributeName("FilterPolicyScope")
                .attributeValue("MessageBody"));
        sns.setSubscriptionAttributes(r -> r.subscriptionArn(envelopeSub).attributeName("FilterPolicy")
                .attributeValue("{\"n\": [{\"numeric\": [\">\", 5]}]}"));
        Map<String, String> a = sns.getSubscriptionAttributes(r -> r.subscriptionArn(envelopeSub)).attributes();
        assertEquals("MessageBody", a.get("FilterPolicyScope"));
        assertEquals("{\"n\": [{\"numeric\": [\">\", 5]}]}", a.get("FilterPolicy"));
        assertEquals("sqs", a.get("Protocol"));
        assertEquals("arn:aws:sqs:us-east-1:123456789012:sns-envelope", a.get("Endpoint"));
        assertEquals("false", a.get("RawMessageDelivery"));
        assertEquals(topic, a.get("TopicArn"));
        assertEquals("true", sns.getSubscriptionAttributes(r -> r.subscriptionArn(rawSub)).attributes()
                .get("RawMessageDelivery"));

        sns.publish(r -> r.topicArn(topic).message("{\"n\":2}").messageAttributes(Map.of("kind", string("a"))));
        sns.publish(r -> r.topicArn(topic).message("{\"n\":9}").messageAttributes(Map.of("kind", string("b"))));
        assertEquals("{\"n\":9}", JSON.readTree(receiveOne(envelopeQueue).body()).get("Message").asText(),
                "the body policy let only n > 5 through");
        Message filtered = receiveOne(rawQueue);
        assertEquals("{\"n\":9}", filtered.body(), "the attribute policy let only kind b through");
        assertEquals("b", filtered.messageAttributes().get("kind").stringValue());
        gw.faas.flush();
        assertEquals(0, sqs.receiveMessage(r -> r.queueUrl(rawQueue).waitTimeSeconds(0)).messages().size());

        List<Subscription> subs = sns.listSubscriptionsByTopic(r -> r.topicArn(topic)).subscriptions();
        assertEquals(2, subs.size());
        assertTrue(subs.stream().allMatch(s -> s.protocol().equals("sqs") && s.owner().equals("123456789012")));
        sns.unsubscribe(r -> r.subscriptionArn(rawSub));
        assertEquals(List.of(envelopeSub), sns.listSubscriptionsByTopic(r -> r.topicArn(topic)).subscriptions()
                .stream().map(Subscription::subscriptionArn).toList());
        assertThrows(NotFoundException.class, () -> sns.unsubscribe(r -> r.subscriptionArn(rawSub)));
    }

    @Test
    void aPublishReachesDeclaredAndSubscribedFunctions() {
        String topic = sns.createTopic(r -> r.name("sns-functions")).topicArn();
        sns.subscribe(r -> r.topicArn(topic).protocol("lambda")
                .endpoint("arn:aws:lambda:us-east-1:123456789012:function:sns-echo"));
        sns.publish(r -> r.topicArn(topic).message("to a subscribed function"));
        sns.publish(r -> r.topicArn(ARN + "fanout").message("to a declared function"));
        await().atMost(Duration.ofSeconds(30)).until(() -> gw.logLines.stream()
                .anyMatch(l -> l.contains("sns-echo: to a subscribed function"))
                && gw.logLines.stream().anyMatch(l -> l.contains("sns-echo: to a declared function")));
        List<Subscription> all = sns.listSubscriptions().subscriptions();
        assertTrue(all.stream().anyMatch(s -> s.topicArn().equals(ARN + "fanout") && s.protocol().equals("lambda")
                && s.endpoint().equals("arn:aws:lambda:us-east-1:123456789012:function:sns-echo")), all.toString());
    }

    @Test
    void publishBatchAnswersEachEntryAndChecksTheBatch() {
        String topic = sns.createTopic(r -> r.name("sns-batch")).topicArn();
        String queue = sqs.createQueue(r -> r.queueName("sns-batch-copies")).queueUrl();
        sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:123456789012:sns-batch-copies")
                .attributes(Map.of("RawMessageDelivery", "true")));
        PublishBatchResponse answer = sns.publishBatch(r -> r.topicArn(topic).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("good").message("kept").build(),
                PublishBatchRequestEntry.builder().id("bad").message("refused")
                        .messageAttributes(Map.of("n", MessageAttributeValue.builder().dataType("Number")
                                .stringValue("many").build())).build()));
        assertEquals(List.of("good"), answer.successful().stream().map(s -> s.id()).toList());
        assertEquals("bad", answer.failed().get(0).id());
        assertEquals("ParameterValueInvalid", answer.failed().get(0).code(), "the code SNS gives InvalidParameterValueException");
        assertTrue(answer.failed().get(0).senderFault());
        assertEquals("kept", receiveOne(queue).body());

        assertThrows(EmptyBatchRequestException.class, () -> sns.publishBatch(r -> r.topicArn(topic)
                .publishBatchRequestEntries(List.of())));
        assertThrows(TooManyEntriesInBatchRequestException.class, () -> sns.publishBatch(r -> r.topicArn(topic)
                .publishBatchRequestEntries(IntStream.range(0, 11).mapToObj(i -> PublishBatchRequestEntry.builder()
                        .id("e" + i).message("m").build()).toList())));
        assertThrows(BatchEntryIdsNotDistinctException.class, () -> sns.publishBatch(r -> r.topicArn(topic)
                .publishBatchRequestEntries(PublishBatchRequestEntry.builder().id("same").message("1").build(),
                        PublishBatchRequestEntry.builder().id("same").message("2").build())));
        assertThrows(InvalidBatchEntryIdException.class, () -> sns.publishBatch(r -> r.topicArn(topic)
                .publishBatchRequestEntries(PublishBatchRequestEntry.builder().id("no spaces").message("1").build())));
    }

    @Test
    void eachDocumentedErrorIsItsTypedException() {
        String topic = sns.createTopic(r -> r.name("sns-errors")).topicArn();
        NotFoundException noTopic = assertThrows(NotFoundException.class,
                () -> sns.publish(r -> r.topicArn(ARN + "nowhere").message("x")));
        assertEquals(404, noTopic.statusCode());
        assertEquals("Topic does not exist", noTopic.awsErrorDetails().errorMessage());
        assertThrows(NotFoundException.class, () -> sns.subscribe(r -> r.topicArn(ARN + "nowhere").protocol("sqs")
                .endpoint("arn:aws:sqs:us-east-1:123456789012:q")));
        assertThrows(NotFoundException.class, () -> sns.getSubscriptionAttributes(r -> r.subscriptionArn(
                topic + ":00000000-0000-0000-0000-000000000000")));

        InvalidParameterException protocol = assertThrows(InvalidParameterException.class, () -> sns.subscribe(r -> r
                .topicArn(topic).protocol("email").endpoint("me@example.com")));
        assertTrue(protocol.awsErrorDetails().errorMessage().startsWith("Invalid parameter: Protocol"),
                protocol.getMessage());
        InvalidParameterException policy = assertThrows(InvalidParameterException.class, () -> sns.subscribe(r -> r
                .topicArn(topic).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:123456789012:q")
                .attributes(Map.of("FilterPolicy", "{\"a\": \"not a list\"}"))));
        assertTrue(policy.awsErrorDetails().errorMessage().startsWith("Invalid parameter: FilterPolicy"),
                policy.getMessage());
        assertThrows(InvalidParameterException.class, () -> sns.subscribe(r -> r.topicArn(topic).protocol("lambda")
                .endpoint("arn:aws:lambda:us-east-1:123456789012:function:sns-echo")
                .attributes(Map.of("RawMessageDelivery", "true"))));
        assertThrows(InvalidParameterException.class, () -> sns.publish(r -> r.topicArn("not-an-arn").message("x")));
        assertThrows(InvalidParameterException.class, () -> sns.publish(r -> r.topicArn(topic).message("x")
                .messageGroupId("g")), "a group id on a standard topic");
        assertThrows(InvalidParameterException.class, () -> sns.createTopic(r -> r.name("bad name")));
        assertThrows(InvalidParameterException.class, () -> sns.createTopic(r -> r.name("x.fifo")),
                "a .fifo name without FifoTopic=true");
        InvalidParameterValueException attribute = assertThrows(InvalidParameterValueException.class,
                () -> sns.publish(r -> r.topicArn(topic).message("x").messageAttributes(Map.of("n",
                        MessageAttributeValue.builder().dataType("Number").stringValue("abc").build()))));
        assertEquals(400, attribute.statusCode());
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static Message receiveOne(String queueUrl) {
        List<Message> got = sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(10)
                .messageAttributeNames("All")).messages();
        assertEquals(1, got.size(), "one message on " + queueUrl);
        sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(got.get(0).receiptHandle()));
        return got.get(0);
    }
}
