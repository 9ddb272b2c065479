package dev.localfaas.runtime.awsapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An RPC-style AWS service served by {@link AwsApis}: SQS today; SNS (query) and EventBridge (JSON 1.1) drop in
 * beside it. The service works on protocol-neutral {@link AwsCall}s; the dispatcher parses and renders the protocol.
 */
public interface AwsService {

    /** The {@code X-Amz-Target} prefix before the dot ({@code AmazonSQS}, {@code AWSEvents}). */
    String targetPrefix();

    /** The JSON protocol's content type: {@code application/x-amz-json-1.0} or {@code -1.1}. */
    String jsonContentType();

    /** The namespace prefix of {@code __type} in JSON errors ({@code com.amazonaws.sqs}). */
    String errorTypePrefix();

    /** Whether JSON errors also carry the query code in {@code x-amzn-query-error} (awsQueryCompatible services). */
    boolean queryCompatible();

    /** Whether this service answers the query-protocol {@code Action}; false for JSON-only services. */
    boolean servesQueryAction(String action);

    /** The query protocol's XML namespace and element names; null for JSON-only services. */
    QueryShapes queryShapes();

    /** Turns query parameters (already a tree) into the input tree the JSON protocol would send. */
    default ObjectNode fromQuery(ObjectNode parameters) {
        return parameters;
    }

    /**
     * Runs an action. Returns the output as the JSON protocol shapes it, or null for an action without output.
     *
     * @throws AwsException for every error a client should see
     */
    ObjectNode call(AwsCall call);
}
