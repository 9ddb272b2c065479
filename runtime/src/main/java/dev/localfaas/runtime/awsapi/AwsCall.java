package dev.localfaas.runtime.awsapi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One call of an RPC-style AWS API (JSON or query protocol), protocol-neutral: the action and its input as the
 * JSON protocol shapes it (query parameters are turned into the same tree).
 *
 * @param baseUrl {@code http://host:port} the client used, for URLs the answer hands out (queue URLs)
 * @param path    the request path (a query-protocol client may address a queue by posting to its URL)
 * @param traceHeader the caller's {@code X-Amzn-Trace-Id} (the AWS SDK sends it from inside a traced function), or
 *                    null
 */
public record AwsCall(String action, JsonNode input, String baseUrl, String path, String requestId,
                      String traceHeader) {

    public AwsCall(String action, JsonNode input, String baseUrl, String path, String requestId) {
        this(action, input, baseUrl, path, requestId, null);
    }

    /** A text member of the input, or null. */
    public String text(String member) {
        JsonNode n = input.get(member);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** A required text member; MissingParameter when absent or empty, as AWS answers. */
    public String required(String member) {
        String v = text(member);
        if (v == null || v.isEmpty()) {
            throw AwsException.sender("MissingParameter", "The request must contain the parameter " + member + ".");
        }
        return v;
    }

    /** An integer member, or {@code fallback} when absent; InvalidParameterValue when it is not a whole number. */
    public int integer(String member, int fallback) {
        return Numbers.integer(input.get(member), member, fallback);
    }
}
