package dev.localfaas.runtime.awsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * Every SQS action through the AWS SDK for Java v2 {@code SqsClient} (AWS JSON 1.0) against the real gateway and
 * queue store. The SDK checks the MD5 of every body and attribute set it sends and receives, so a wrong digest fails
 * the call.
 */
class SqsJsonProtocolTest {
    @TempDir
    static Path dir;
    static AwsApiGateway gw;
    static SqsClient sqs;

    @BeforeAll
    static void start() {
        gw = AwsApiGateway.start(dir.resolve("functions"), dir.resolve("state"));
        sqs = gw.sqs();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        gw.close();
    }

    @Test
    void createFindListAndDeleteQueues() {
        String url = sqs.createQueue(r -> r.queueName("life-a")).queueUrl();
        assertEquals(gw.url() + "/123456789012/life-a", url);
        assertEquals(url, sqs.createQueue(r -> r.queueName("life-a")).queueUrl(), "creating again is idempotent");
        sqs.createQueue(r -> r.queueName("life-b"));
        assertEquals(url, sqs.getQueueUrl(r -> r.queueName("life-a")).queueUrl());
        assertEquals(List.of(url, gw.url() + "/123456789012/life-b"),
                sqs.listQueues(r -> r.queueNamePrefix("life-")).queueUrls());
        var page = sqs.listQueues(r -> r.queueNamePrefix("life-").maxResults(1));
        assertEquals(List.of(url), page.queueUrls());
        assertEquals(List.of(gw.url() + "/123456789012/life-b"),
                sqs.listQueues(r -> r.queueNamePrefix("life-").maxResults(1).nextToken(page.nextToken())).queueUrls());
        sqs.deleteQueue(r -> r.queueUrl(url));
        assertEquals(List.of(gw.url() + "/123456789012/life-b"), sqs.listQueues(r -> r.queueNamePrefix("life-")).queueUrls());
    }

    @Test
    void attributesHaveSqsDefaultsAndCanBeChanged() {
        String url = sqs.createQueue(r -> r.queueName("attrs").attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "45", QueueAttributeName.DELAY_SECONDS, "0"))).queueUrl();
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.ALL)).attributes();
        assertEquals("45", a.get(QueueAttributeName.VISIBILITY_TIMEOUT));
        assertEquals("345600", a.get(QueueAttributeName.MESSAGE_RETENTION_PERIOD));
        assertEquals("1048576", a.get(QueueAttributeName.MAXIMUM_MESSAGE_SIZE));
        assertEquals("arn:aws:sqs:us-east-1:123456789012:attrs", a.get(QueueAttributeName.QUEUE_ARN));
        assertEquals("0", a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        assertTrue(a.containsKey(QueueAttributeName.CREATED_TIMESTAMP));
        sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "5")));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("one"));
        Map<QueueAttributeName, String> b = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.VISIBILITY_TIMEOUT, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes();
        assertEquals(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "5",
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "1"), b);
    }

    @Test
    void sendAndReceiveWithAttributesAndTheirMd5s() {
        String url = sqs.createQueue(r -> r.queueName("md5s")).queueUrl();
        Map<String, MessageAttributeValue> attributes = Map.of(
                "Author", MessageAttributeValue.builder().dataType("String").stringValue("Ada").build(),
                "Count", MessageAttributeValue.builder().dataType("Number.int").stringValue("42").build(),
                "Blob", MessageAttributeValue.builder().dataType("Binary")
                        .binaryValue(SdkBytes.fromByteArray(new byte[] {1, 2, 3})).build());
        SendMessageResponse sent = sqs.sendMessage(r -> r.queueUrl(url).messageBody("héllo ✓")
                .messageAttributes(attributes));
        assertEquals(md5("héllo ✓"), sent.md5OfMessageBody());
        ReceiveMessageResponse got = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL));
        assertEquals(1, got.messages().size());
        Message m = got.messages().get(0);
        assertEquals(sent.messageId(), m.messageId());
        assertEquals("héllo ✓", m.body());
        assertEquals(attributes, m.messageAttributes());
        assertEquals(sent.md5OfMessageAttributes(), m.md5OfMessageAttributes());
        assertEquals("1", m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        assertTrue(Long.parseLong(m.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP)) > 0);
        assertTrue(m.attributes().containsKey(MessageSystemAttributeName.SENDER_ID));
        sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
        assertTrue(sqs.receiveMessage(r -> r.queueUrl(url)).messages().isEmpty());
    }

    @Test
    void onlyTheAskedForAttributesComeBack() {
        String url = sqs.createQueue(r -> r.queueName("selected")).queueUrl();
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("x").messageAttributes(Map.of(
                "order.id", MessageAttributeValue.builder().dataType("String").stringValue("7").build(),
                "trace", MessageAttributeValue.builder().dataType("String").stringValue("t").build())));
        Message m = sqs.receiveMessage(r -> r.queueUrl(url).messageAttributeNames("order.*")
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages().get(0);
        assertEquals(List.of("order.id"), List.copyOf(m.messageAttributes().keySet()));
        assertEquals(Map.of(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"), m.attributes());
        sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
        Message bare = sqs.receiveMessage(r -> r.queueUrl(url)).messages().get(0);
        assertEquals("x", bare.body());
        assertTrue(bare.messageAttributes().isEmpty(), "no attribute names asked for, none returned");
        assertTrue(bare.attributes().isEmpty());
        assertNull(bare.md5OfMessageAttributes());
    }

    @Test
    void batchesSendReceiveChangeAndDelete() {
        String url = sqs.createQueue(r -> r.queueName("batches")).queueUrl();
        SendMessageBatchResponse sent = sqs.sendMessageBatch(r -> r.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("a").messageBody("first").build(),
                SendMessageBatchRequestEntry.builder().id("b").messageBody("second").messageAttributes(Map.of("k",
                        MessageAttributeValue.builder().dataType("String").stringValue("v").build())).build(),
                SendMessageBatchRequestEntry.builder().id("c").messageBody("bad\u0000body").build()));
        assertEquals(List.of("a", "b"), sent.successful().stream().map(e -> e.id()).toList());
        assertEquals(1, sent.failed().size());
        assertEquals("c", sent.failed().get(0).id());
        assertEquals("InvalidMessageContents", sent.failed().get(0).code());
        assertTrue(sent.failed().get(0).senderFault());
        List<Message> got = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages();
        assertEquals(List.of("first", "second"), got.stream().map(Message::body).toList());
        var changed = sqs.changeMessageVisibilityBatch(r -> r.queueUrl(url).entries(
                ChangeMessageVisibilityBatchRequestEntry.builder().id("x").receiptHandle(got.get(0).receiptHandle())
                        .visibilityTimeout(0).build(),
                ChangeMessageVisibilityBatchRequestEntry.builder().id("y").receiptHandle("nonsense")
                        .visibilityTimeout(0).build()));
        assertEquals(List.of("x"), changed.successful().stream().map(e -> e.id()).toList());
        assertEquals("ReceiptHandleIsInvalid", changed.failed().get(0).code());
        Message again = sqs.receiveMessage(r -> r.queueUrl(url).messageSystemAttributeNames(
                MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages().get(0);
        assertEquals("first", again.body());
        assertEquals("2", again.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        var deleted = sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(
                DeleteMessageBatchRequestEntry.builder().id("1").receiptHandle(again.receiptHandle()).build(),
                DeleteMessageBatchRequestEntry.builder().id("2").receiptHandle(got.get(1).receiptHandle()).build()));
        assertEquals(List.of("1", "2"), deleted.successful().stream().map(e -> e.id()).toList());
        assertEquals("0", sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @Test
    void longPollingWaitsForAMessageSentMeanwhile() throws Exception {
        String url = sqs.createQueue(r -> r.queueName("long-poll")).queueUrl();
        long start = System.nanoTime();
        var later = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(300); // the sender's pause is the test's subject: the receive must still be waiting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("late"));
        });
        List<Message> got = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(10)).messages();
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        later.get();
        assertEquals(List.of("late"), got.stream().map(Message::body).toList());
        assertTrue(waitedMs >= 250 && waitedMs < 8_000, "waited " + waitedMs + " ms");
        long emptyStart = System.nanoTime();
        assertTrue(sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1)).messages().isEmpty());
        assertTrue((System.nanoTime() - emptyStart) / 1_000_000 >= 900, "an empty long poll waits its time");
    }

    @Test
    void delayedAndPurgedMessages() {
        String url = sqs.createQueue(r -> r.queueName("delays")).queueUrl();
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("later").delaySeconds(60));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("now"));
        assertEquals(List.of("now"), sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages()
                .stream().map(Message::body).toList());
        assertEquals("1", sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
        sqs.purgeQueue(r -> r.queueUrl(url));
        assertEquals("0", sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
    }

    @Test
    void redrivePolicyDeadLettersAndMoveTaskRedrives() {
        String dlq = sqs.createQueue(r -> r.queueName("work-dlq")).queueUrl();
        String url = sqs.createQueue(r -> r.queueName("work").attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:work-dlq\",\"maxReceiveCount\":\"1\"}")))
                .queueUrl();
        assertEquals(List.of(url), sqs.listDeadLetterSourceQueues(r -> r.queueUrl(dlq)).queueUrls());
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("poison"));
        assertEquals(1, sqs.receiveMessage(r -> r.queueUrl(url).visibilityTimeout(0)).messages().size());
        assertTrue(sqs.receiveMessage(r -> r.queueUrl(url)).messages().isEmpty(), "moved on its second receive");
        Message dead = sqs.receiveMessage(r -> r.queueUrl(dlq).visibilityTimeout(0)).messages().get(0);
        assertEquals("poison", dead.body());
        String task = sqs.startMessageMoveTask(r -> r.sourceArn("arn:aws:sqs:us-east-1:123456789012:work-dlq"))
                .taskHandle();
        assertFalse(task.isEmpty());
        var tasks = sqs.listMessageMoveTasks(r -> r.sourceArn("arn:aws:sqs:us-east-1:123456789012:work-dlq"));
        assertEquals("COMPLETED", tasks.results().get(0).status());
        assertEquals(1L, tasks.results().get(0).approximateNumberOfMessagesMoved());
        assertEquals("poison", sqs.receiveMessage(r -> r.queueUrl(url)).messages().get(0).body());
    }

    @Test
    void fifoQueuesKeepGroupOrderAndDeduplicate() {
        String url = sqs.createQueue(r -> r.queueName("orders.fifo").attributes(Map.of(QueueAttributeName.FIFO_QUEUE,
                "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"))).queueUrl();
        SendMessageResponse first = sqs.sendMessage(r -> r.queueUrl(url).messageBody("a1").messageGroupId("a"));
        SendMessageResponse dup = sqs.sendMessage(r -> r.queueUrl(url).messageBody("a1").messageGroupId("a"));
        assertEquals(first.messageId(), dup.messageId(), "same body within 5 minutes: deduplicated");
        assertEquals(first.sequenceNumber(), dup.sequenceNumber());
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("a2").messageGroupId("a"));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("b1").messageGroupId("b").messageDeduplicationId("x"));
        Message a1 = sqs.receiveMessage(r -> r.queueUrl(url).messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages().get(0);
        assertEquals("a1", a1.body());
        assertEquals("a", a1.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID));
        assertEquals(first.sequenceNumber(), a1.attributes().get(MessageSystemAttributeName.SEQUENCE_NUMBER));
        // group a is in flight, so only group b can be received now
        assertEquals(List.of("b1"), sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages()
                .stream().map(Message::body).toList());
        sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(a1.receiptHandle()).visibilityTimeout(0));
        assertEquals(List.of("a1", "a2"), sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages()
                .stream().map(Message::body).toList());
        assertNotEquals(first.messageId(), sqs.sendMessage(r -> r.queueUrl(url).messageBody("a1").messageGroupId("a")
                .messageDeduplicationId("other")).messageId());
    }

    static String md5(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
