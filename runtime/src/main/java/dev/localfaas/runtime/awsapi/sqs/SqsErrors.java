package dev.localfaas.runtime.awsapi.sqs;

import dev.localfaas.runtime.awsapi.AwsException;

/** SQS's modelled errors: the JSON code (typed SDK exception) and the query code, as SQS sends them. */
final class SqsErrors {
    private SqsErrors() {
    }

    private static AwsException sqs(String code, String queryCode, String message) {
        return new AwsException(code, queryCode, 400, true, message);
    }

    static AwsException noQueue() {
        return sqs("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue",
                "The specified queue does not exist.");
    }

    static AwsException queueExists(String name) {
        return sqs("QueueNameExists", "QueueAlreadyExists", "A queue already exists with the same name and a different"
                + " value for attribute(s): " + name);
    }

    static AwsException invalidAttributeName(String name) {
        return sqs("InvalidAttributeName", "InvalidAttributeName", "Unknown Attribute " + name + ".");
    }

    static AwsException invalidAttributeValue(String name, String reason) {
        return sqs("InvalidAttributeValue", "InvalidAttributeValue", "Invalid value for the parameter " + name + ". "
                + reason);
    }

    static AwsException invalidMessageContents() {
        return sqs("InvalidMessageContents", "InvalidMessageContents", "Invalid characters found. Valid unicode"
                + " characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF");
    }

    static AwsException invalidReceiptHandle(String handle) {
        return sqs("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid", "The input receipt handle \"" + handle
                + "\" is not a valid receipt handle.");
    }

    static AwsException notInFlight() {
        return sqs("MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight",
                "The message referred to isn't in flight.");
    }

    static AwsException emptyBatch(String entryName) {
        return sqs("EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest",
                "There should be at least one " + entryName + " in the request.");
    }

    static AwsException tooManyEntries(int n) {
        return sqs("TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
                "Maximum number of entries per request are 10. You have sent " + n + ".");
    }

    static AwsException idsNotDistinct(String id) {
        return sqs("BatchEntryIdsNotDistinct", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct",
                "Id " + id + " repeated.");
    }

    static AwsException invalidBatchEntryId(String id) {
        return sqs("InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId", "A batch entry id can only"
                + " contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long: '"
                + id + "'.");
    }

    static AwsException batchTooLong(long bytes, int max) {
        return sqs("BatchRequestTooLong", "AWS.SimpleQueueService.BatchRequestTooLong", "Batch requests cannot be"
                + " longer than " + max + " bytes. You have sent " + bytes + " bytes.");
    }

    static AwsException purgeInProgress(String queueArn) {
        return sqs("PurgeQueueInProgress", "AWS.SimpleQueueService.PurgeQueueInProgress", "Only one PurgeQueue"
                + " operation on " + queueArn + " is allowed every 60 seconds.");
    }

    static AwsException resourceNotFound(String message) {
        return sqs("ResourceNotFoundException", "ResourceNotFoundException", message);
    }

    static AwsException invalidAddress(String url) {
        return sqs("InvalidAddress", "InvalidAddress", "The address " + url + " is not valid for this endpoint.");
    }

    static AwsException unsupported(String action) {
        return sqs("UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation", action + " is not"
                + " supported by localfaas; see docs/aws-apis.md for the SQS actions it serves.");
    }

    static AwsException invalidParameter(String message) {
        return AwsException.sender("InvalidParameterValue", message);
    }
}
