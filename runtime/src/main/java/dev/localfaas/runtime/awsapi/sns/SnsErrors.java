package dev.localfaas.runtime.awsapi.sns;

import dev.localfaas.runtime.awsapi.AwsException;

/** SNS's modelled errors, with the HTTP status SNS gives each; the SDK maps the code to the typed exception. */
final class SnsErrors {
    private SnsErrors() {
    }

    /** {@code NotFoundException}: an unknown topic or subscription. */
    static AwsException notFound(String what) {
        return new AwsException("NotFound", "NotFound", 404, true, what + " does not exist");
    }

    /** {@code InvalidParameterException}, with SNS's "Invalid parameter: ..." wording. */
    static AwsException invalidParameter(String reason) {
        return new AwsException("InvalidParameter", "InvalidParameter", 400, true, "Invalid parameter: " + reason);
    }

    static AwsException emptyBatch() {
        return new AwsException("EmptyBatchRequest", "EmptyBatchRequest", 400, true,
                "The batch request doesn't contain any entries");
    }

    static AwsException tooManyEntries(int n) {
        return new AwsException("TooManyEntriesInBatchRequest", "TooManyEntriesInBatchRequest", 400, true,
                "The batch request contains more entries than permissible (" + n + " > 10)");
    }

    static AwsException idsNotDistinct(String id) {
        return new AwsException("BatchEntryIdsNotDistinct", "BatchEntryIdsNotDistinct", 400, true,
                "Two or more batch entries in the request have the same Id: " + id);
    }

    static AwsException invalidBatchEntryId(String id) {
        return new AwsException("InvalidBatchEntryId", "InvalidBatchEntryId", 400, true, "The Id of a batch entry"
                + " can only contain alphanumeric characters, hyphens and underscores, at most 80: '" + id + "'");
    }

    static AwsException unsupported(String action) {
        return new AwsException("InvalidAction", "InvalidAction", 400, true, action + " is not supported by"
                + " localfaas; see docs/aws-apis.md for the SNS actions it serves");
    }
}
