package dev.localfaas.runtime.awsapi.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.trigger.queue.QueueNames;
import dev.localfaas.runtime.trigger.queue.RedrivePolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The attributes of a queue as SQS knows them: which may be set (and to what), their defaults, and the redrive
 * policy. Values are kept as the strings SQS uses; localfaas stores them in the queue store beside the queue.
 */
final class QueueAttributes {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Range-checked numeric attributes: {min, max}. */
    private static final Map<String, long[]> RANGES = Map.of(
            "DelaySeconds", new long[] {0, 900},
            "MaximumMessageSize", new long[] {1024, 1_048_576},
            "MessageRetentionPeriod", new long[] {60, 1_209_600},
            "ReceiveMessageWaitTimeSeconds", new long[] {0, 20},
            "VisibilityTimeout", new long[] {0, 43_200},
            "KmsDataKeyReusePeriodSeconds", new long[] {60, 86_400});
    private static final Set<String> FREE_TEXT = Set.of("Policy", "RedriveAllowPolicy", "KmsMasterKeyId");
    private static final Set<String> BOOLEANS = Set.of("SqsManagedSseEnabled", "FifoQueue", "ContentBasedDeduplication");
    private static final Set<String> FIFO_ONLY = Set.of("FifoQueue", "ContentBasedDeduplication", "DeduplicationScope",
            "FifoThroughputLimit");
    static final Set<String> COMPUTED = Set.of("QueueArn", "ApproximateNumberOfMessages",
            "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp",
            "LastModifiedTimestamp");

    private QueueAttributes() {
    }

    /** The defaults SQS gives a new queue. */
    static Map<String, String> defaults(boolean fifo) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("DelaySeconds", "0");
        d.put("MaximumMessageSize", "1048576");
        d.put("MessageRetentionPeriod", "345600");
        d.put("ReceiveMessageWaitTimeSeconds", "0");
        d.put("VisibilityTimeout", "30");
        d.put("SqsManagedSseEnabled", "true");
        if (fifo) {
            d.put("FifoQueue", "true");
            d.put("ContentBasedDeduplication", "false");
            d.put("DeduplicationScope", "queue");
            d.put("FifoThroughputLimit", "perQueue");
        }
        return d;
    }

    static boolean settable(String name) {
        return RANGES.containsKey(name) || FREE_TEXT.contains(name) || BOOLEANS.contains(name)
                || FIFO_ONLY.contains(name) || name.equals("RedrivePolicy");
    }

    static boolean readable(String name) {
        return settable(name) || COMPUTED.contains(name);
    }

    /**
     * Checks attributes to set on {@code queue}: InvalidAttributeName for an unknown one (or a FIFO one on a standard
     * queue), InvalidAttributeValue for a value out of range. The redrive policy is checked by {@link #redrive}.
     */
    static void check(String queue, Map<String, String> attributes) {
        boolean fifo = QueueNames.isFifo(queue);
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            String name = a.getKey();
            String value = a.getValue();
            if (!settable(name) || (!fifo && FIFO_ONLY.contains(name) && !(name.equals("FifoQueue") && value.equals("false")))) {
                throw SqsErrors.invalidAttributeName(name);
            }
            long[] range = RANGES.get(name);
            if (range != null) {
                long n;
                try {
                    n = Long.parseLong(value.trim());
                } catch (NumberFormatException e) {
                    throw SqsErrors.invalidAttributeValue(name, "Value must be a whole number.");
                }
                if (n < range[0] || n > range[1]) {
                    throw SqsErrors.invalidAttributeValue(name, "Value must be between " + range[0] + " and "
                            + range[1] + ".");
                }
            } else if (BOOLEANS.contains(name) && !value.equals("true") && !value.equals("false")) {
                throw SqsErrors.invalidAttributeValue(name, "Value must be true or false.");
            } else if (name.equals("DeduplicationScope") && !Set.of("messageGroup", "queue").contains(value)) {
                throw SqsErrors.invalidAttributeValue(name, "Value must be messageGroup or queue.");
            } else if (name.equals("FifoThroughputLimit") && !Set.of("perQueue", "perMessageGroupId").contains(value)) {
                throw SqsErrors.invalidAttributeValue(name, "Value must be perQueue or perMessageGroupId.");
            }
        }
    }

    /**
     * The redrive policy a {@code RedrivePolicy} value names, or empty for "" (which removes it). The dead-letter
     * queue is returned by name; whether it exists is the caller's check.
     */
    static Optional<RedrivePolicy> redrive(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String reason;
        try {
            JsonNode policy = JSON.readTree(value);
            String dlq = QueueAddress.queueOfArn(policy.path("deadLetterTargetArn").asText(null));
            int max = policy.path("maxReceiveCount").asInt(-1);
            if (dlq == null) {
                reason = "Invalid value for deadLetterTargetArn.";
            } else if (max < 1 || max > 1000) {
                reason = "Invalid value for maxReceiveCount: " + policy.path("maxReceiveCount") + ", valid values are"
                        + " from 1 to 1000 both inclusive.";
            } else {
                return Optional.of(new RedrivePolicy(dlq, max));
            }
        } catch (java.io.IOException e) {
            reason = "Redrive policy is not a valid JSON map.";
        }
        throw SqsErrors.invalidParameter("Value " + value + " for parameter RedrivePolicy is invalid. Reason: " + reason);
    }
}
