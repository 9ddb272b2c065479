package dev.localfaas.runtime.awsapi.events;

import dev.localfaas.runtime.awsapi.AwsException;

/** EventBridge's modelled errors (AWS JSON 1.1 {@code __type}), which the SDK maps to its typed exceptions. */
final class EventBridgeErrors {
    private EventBridgeErrors() {
    }

    static AwsException notFound(String message) {
        return new AwsException("ResourceNotFoundException", "ResourceNotFoundException", 400, true, message);
    }

    static AwsException validation(String message) {
        return new AwsException("ValidationException", "ValidationException", 400, true, message);
    }

    static AwsException invalidPattern(String reason) {
        return new AwsException("InvalidEventPatternException", "InvalidEventPatternException", 400, true,
                "Event pattern is not valid. Reason: " + reason);
    }

    static AwsException alreadyExists(String message) {
        return new AwsException("ResourceAlreadyExistsException", "ResourceAlreadyExistsException", 400, true, message);
    }

    static AwsException unsupported(String action) {
        return new AwsException("UnknownOperationException", "UnknownOperationException", 400, true, action
                + " is not supported by localfaas; see docs/aws-apis.md for the EventBridge actions it serves");
    }
}
