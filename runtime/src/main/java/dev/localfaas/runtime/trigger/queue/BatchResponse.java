package dev.localfaas.runtime.trigger.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which messages of a successfully invoked batch failed, read from an {@code SQSBatchResponse}
 * (lambda-contract.md §7.5). A response that is not a JSON object with {@code batchItemFailures} reports none: the
 * handler did not use partial batch responses. A {@code batchItemFailures} list that names no message of the batch,
 * or names one with an empty or missing {@code itemIdentifier}, fails the whole batch, as on AWS.
 *
 * @param failedIds message ids to leave on the queue
 * @param problem   why the whole batch counts as failed, or null
 */
record BatchResponse(Set<String> failedIds, String problem) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static BatchResponse allFailed(Set<String> batchIds, String problem) {
        return new BatchResponse(Set.copyOf(batchIds), problem);
    }

    static BatchResponse read(byte[] payload, Set<String> batchIds) {
        if (payload == null || payload.length == 0) {
            return new BatchResponse(Set.of(), null);
        }
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException e) {
            return new BatchResponse(Set.of(), null); // not JSON: not a partial batch response
        }
        if (root == null || !root.isObject() || root.path("batchItemFailures").isMissingNode()
                || root.get("batchItemFailures").isNull()) {
            return new BatchResponse(Set.of(), null);
        }
        JsonNode failures = root.get("batchItemFailures");
        if (!failures.isArray()) {
            return allFailed(batchIds, "batchItemFailures is not a list");
        }
        Set<String> failed = new LinkedHashSet<>();
        for (JsonNode item : failures) {
            JsonNode id = item.get("itemIdentifier");
            if (id == null || !id.isTextual() || id.asText().isEmpty()) {
                return allFailed(batchIds, "a batchItemFailures entry has no itemIdentifier: " + item);
            }
            if (!batchIds.contains(id.asText())) {
                return allFailed(batchIds, "batchItemFailures names " + id.asText() + ", which is not in the batch");
            }
            failed.add(id.asText());
        }
        return new BatchResponse(failed, null);
    }
}
