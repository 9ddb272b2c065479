package dev.localfaas.runtime.awsapi.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.awsapi.AwsCall;
import dev.localfaas.runtime.awsapi.AwsException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks every SQS batch action makes on its entries before any is run. */
final class Batches {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private Batches() {
    }

    static List<JsonNode> entries(AwsCall call, String entryName) {
        JsonNode node = call.input().get("Entries");
        List<JsonNode> entries = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(entries::add);
        }
        if (entries.isEmpty()) {
            throw SqsErrors.emptyBatch(entryName);
        }
        if (entries.size() > 10) {
            throw SqsErrors.tooManyEntries(entries.size());
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode e : entries) {
            String id = e.path("Id").asText("");
            if (!ID.matcher(id).matches()) {
                throw SqsErrors.invalidBatchEntryId(id);
            }
            if (!seen.add(id)) {
                throw SqsErrors.idsNotDistinct(id);
            }
        }
        return entries;
    }

    static ObjectNode failure(String id, AwsException e) {
        ObjectNode f = JsonNodeFactory.instance.objectNode();
        f.put("Id", id);
        f.put("SenderFault", e.senderFault());
        f.put("Code", e.queryCode());
        f.put("Message", e.getMessage());
        return f;
    }
}
