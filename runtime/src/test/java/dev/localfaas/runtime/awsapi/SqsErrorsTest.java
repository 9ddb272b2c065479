package dev.localfaas.runtime.awsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sqs.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.InvalidAddressException;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeNameException;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeValueException;
import software.amazon.awssdk.services.sqs.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sqs.model.InvalidMessageContentsException;
import software.amazon.awssdk.services.sqs.model.MessageNotInflightException;
import software.amazon.awssdk.services.sqs.model.PurgeQueueInProgressException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;
import software.amazon.awssdk.services.sqs.model.UnsupportedOperationException;

/**
 * Each SQS error the emulator raises, provoked through {@code SqsClient}: the SDK must throw the typed exception, and
 * its error code must be the query-compatible one SQS sends in {@code x-amzn-query-error}.
 */
class SqsErrorsTest {
    @TempDir
    static Path dir;
    static AwsApiGateway gw;
    static SqsClient sqs;
    static String url;

    @BeforeAll
    static void start() {
        gw = AwsApiGateway.start(dir.resolve("functions"), dir.resolve("state"));
        sqs = gw.sqs();
        url = sqs.createQueue(r -> r.queueName("errors")).queueUrl();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        gw.close();
    }

    private static <T extends SqsException> void raises(Class<T> type, String code, String message, Executable call) {
        T e = assertThrows(type, call::execute);
        assertEquals(code, e.awsErrorDetails().errorCode());
        assertEquals(400, e.statusCode());
        if (message != null) {
            assertEquals(message, e.awsErrorDetails().errorMessage());
        }
    }

    @FunctionalInterface
    interface Executable {
        void execute();
    }

    @Test
    void unknownQueues() {
        raises(QueueDoesNotExistException.class, "AWS.SimpleQueueService.NonExistentQueue",
                "The specified queue does not exist.", () -> sqs.getQueueUrl(r -> r.queueName("nope")));
        raises(QueueDoesNotExistException.class, "AWS.SimpleQueueService.NonExistentQueue", null,
                () -> sqs.sendMessage(r -> r.queueUrl(gw.url() + "/123456789012/nope").messageBody("x")));
        raises(QueueDoesNotExistException.class, "AWS.SimpleQueueService.NonExistentQueue", null,
                () -> sqs.deleteQueue(r -> r.queueUrl(gw.url() + "/123456789012/nope")));
        raises(InvalidAddressException.class, "InvalidAddress", null,
                () -> sqs.receiveMessage(r -> r.queueUrl("not a queue url")));
    }

    @Test
    void queueNamesAndAttributes() {
        sqs.createQueue(r -> r.queueName("fixed").attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "10")));
        raises(QueueNameExistsException.class, "QueueAlreadyExists", null, () -> sqs.createQueue(r -> r
                .queueName("fixed").attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "20"))));
        raises(InvalidAttributeValueException.class, "InvalidAttributeValue",
                "Invalid value for the parameter VisibilityTimeout. Value must be between 0 and 43200.",
                () -> sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(
                        QueueAttributeName.VISIBILITY_TIMEOUT, "50000"))));
        raises(InvalidAttributeNameException.class, "InvalidAttributeName", "Unknown Attribute ContentBasedDeduplication.",
                () -> sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(
                        QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"))));
        raises(InvalidAttributeNameException.class, "InvalidAttributeName", "Unknown Attribute Colour.",
                () -> sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings("Colour")));
        SqsException badName = assertThrows(SqsException.class, () -> sqs.createQueue(r -> r.queueName("bad name")));
        assertEquals("InvalidParameterValue", badName.awsErrorDetails().errorCode());
        SqsException badRedrive = assertThrows(SqsException.class, () -> sqs.createQueue(r -> r.queueName("r")
                .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                        "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:missing\",\"maxReceiveCount\":3}"))));
        assertEquals("InvalidParameterValue", badRedrive.awsErrorDetails().errorCode());
        assertEquals("Value {\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:missing\",\"maxReceiveCount\":3}"
                + " for parameter RedrivePolicy is invalid. Reason: Dead letter target does not exist.",
                badRedrive.awsErrorDetails().errorMessage());
    }

    @Test
    void messages() {
        raises(InvalidMessageContentsException.class, "InvalidMessageContents", null,
                () -> sqs.sendMessage(r -> r.queueUrl(url).messageBody("nul \u0000 inside")));
        SqsException tooLong = assertThrows(SqsException.class, () -> sqs.sendMessage(r -> r.queueUrl(url)
                .messageBody("x".repeat(1_048_577))));
        assertEquals("InvalidParameterValue", tooLong.awsErrorDetails().errorCode());
        assertEquals("One or more parameters are invalid. Reason: Message must be shorter than 1048576 bytes.",
                tooLong.awsErrorDetails().errorMessage());
        SqsException tooMany = assertThrows(SqsException.class, () -> sqs.receiveMessage(r -> r.queueUrl(url)
                .maxNumberOfMessages(11)));
        assertEquals("InvalidParameterValue", tooMany.awsErrorDetails().errorCode());
        assertEquals("Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.",
                tooMany.awsErrorDetails().errorMessage());
        raises(ReceiptHandleIsInvalidException.class, "ReceiptHandleIsInvalid",
                "The input receipt handle \"garbage\" is not a valid receipt handle.",
                () -> sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle("garbage")));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("once"));
        String handle = sqs.receiveMessage(r -> r.queueUrl(url)).messages().get(0).receiptHandle();
        sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(handle));
        raises(MessageNotInflightException.class, "AWS.SimpleQueueService.MessageNotInflight", null,
                () -> sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(handle).visibilityTimeout(5)));
        SqsException missing = assertThrows(SqsException.class, () -> sqs.sendMessage(r -> r.queueUrl(url)));
        assertEquals("MissingParameter", missing.awsErrorDetails().errorCode());
    }

    @Test
    void fifoRules() {
        String fifo = sqs.createQueue(r -> r.queueName("rules.fifo").attributes(Map.of(QueueAttributeName.FIFO_QUEUE,
                "true"))).queueUrl();
        SqsException noGroup = assertThrows(SqsException.class, () -> sqs.sendMessage(r -> r.queueUrl(fifo)
                .messageBody("x")));
        assertEquals("MissingParameter", noGroup.awsErrorDetails().errorCode());
        SqsException noDedup = assertThrows(SqsException.class, () -> sqs.sendMessage(r -> r.queueUrl(fifo)
                .messageBody("x").messageGroupId("g")));
        assertEquals("The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId"
                + " provided explicitly", noDedup.awsErrorDetails().errorMessage());
        SqsException notFifoName = assertThrows(SqsException.class, () -> sqs.createQueue(r -> r.queueName("plain")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))));
        assertEquals("InvalidParameterValue", notFifoName.awsErrorDetails().errorCode());
    }

    @Test
    void batches() {
        raises(EmptyBatchRequestException.class, "AWS.SimpleQueueService.EmptyBatchRequest", null,
                () -> sqs.sendMessageBatch(r -> r.queueUrl(url).entries(Collections.emptyList())));
        raises(TooManyEntriesInBatchRequestException.class, "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
                "Maximum number of entries per request are 10. You have sent 11.",
                () -> sqs.sendMessageBatch(r -> r.queueUrl(url).entries(java.util.stream.IntStream.range(0, 11)
                        .mapToObj(i -> SendMessageBatchRequestEntry.builder().id("m" + i).messageBody("x").build())
                        .toList())));
        raises(BatchEntryIdsNotDistinctException.class, "AWS.SimpleQueueService.BatchEntryIdsNotDistinct",
                "Id a repeated.", () -> sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(
                        DeleteMessageBatchRequestEntry.builder().id("a").receiptHandle("1.x").build(),
                        DeleteMessageBatchRequestEntry.builder().id("a").receiptHandle("2.x").build())));
        raises(InvalidBatchEntryIdException.class, "AWS.SimpleQueueService.InvalidBatchEntryId", null,
                () -> sqs.sendMessageBatch(r -> r.queueUrl(url).entries(
                        SendMessageBatchRequestEntry.builder().id("no spaces").messageBody("x").build())));
        raises(BatchRequestTooLongException.class, "AWS.SimpleQueueService.BatchRequestTooLong", null,
                () -> sqs.sendMessageBatch(r -> r.queueUrl(url).entries(
                        SendMessageBatchRequestEntry.builder().id("a").messageBody("x".repeat(600_000)).build(),
                        SendMessageBatchRequestEntry.builder().id("b").messageBody("y".repeat(600_000)).build())));
    }

    @Test
    void purgeMoveTaskAndUnsupported() {
        String purged = sqs.createQueue(r -> r.queueName("purged")).queueUrl();
        sqs.purgeQueue(r -> r.queueUrl(purged));
        raises(PurgeQueueInProgressException.class, "AWS.SimpleQueueService.PurgeQueueInProgress",
                "Only one PurgeQueue operation on arn:aws:sqs:us-east-1:123456789012:purged is allowed every 60 seconds.",
                () -> sqs.purgeQueue(r -> r.queueUrl(purged)));
        raises(ResourceNotFoundException.class, "ResourceNotFoundException",
                "The resource that you specified for the SourceArn parameter doesn't exist.",
                () -> sqs.startMessageMoveTask(r -> r.sourceArn("arn:aws:sqs:us-east-1:123456789012:missing")));
        SqsException notDlq = assertThrows(SqsException.class, () -> sqs.startMessageMoveTask(r -> r
                .sourceArn("arn:aws:sqs:us-east-1:123456789012:errors")));
        assertEquals("Source queue must be configured as a Dead Letter Queue.", notDlq.awsErrorDetails().errorMessage());
        raises(UnsupportedOperationException.class, "AWS.SimpleQueueService.UnsupportedOperation", null,
                () -> sqs.tagQueue(r -> r.queueUrl(url).tags(Map.of("team", "a"))));
    }
}
