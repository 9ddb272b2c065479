package dev.localfaas.runtime.awsapi.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.awsapi.AwsCall;
import dev.localfaas.runtime.awsapi.AwsException;
import dev.localfaas.runtime.awsapi.Numbers;
import dev.localfaas.runtime.trigger.queue.MessageAttribute;
import dev.localfaas.runtime.trigger.queue.OutgoingMessage;
import dev.localfaas.runtime.trigger.queue.QueueBackend;
import dev.localfaas.runtime.trigger.queue.ReceiveRequest;
import dev.localfaas.runtime.trigger.queue.ReceivedMessage;
import dev.localfaas.runtime.trigger.queue.SentMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** SQS's message actions over the queue store: send, receive (long polling), delete, change visibility. */
final class SqsMessageActions {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final QueueBackend backend;
    private final QueueAddress address;
    private final SqsQueueActions queues;

    SqsMessageActions(QueueBackend backend, QueueAddress address, SqsQueueActions queues) {
        this.backend = backend;
        this.address = address;
        this.queues = queues;
    }

    ObjectNode send(AwsCall call) {
        String queue = address.queueOf(call);
        Map<String, String> attributes = SqsQueueActions.effective(queue, queues.existing(queue));
        OutgoingMessage message = OutgoingMessages.of(call.input(), queue, attributes, call.traceHeader());
        return sent(NODES.objectNode(), message, backend.send(queue, message));
    }

    /** MD5s as SQS answers them: the SDKs compare them with their own and fail the call on a mismatch. */
    private static ObjectNode sent(ObjectNode out, OutgoingMessage message, SentMessage s) {
        if (out.has("Id")) {
            out.put("MessageId", s.messageId()); // a batch entry: Id and MessageId first, as SQS documents them
        }
        out.put("MD5OfMessageBody", s.md5OfBody());
        if (!message.attributes().isEmpty()) {
            out.put("MD5OfMessageAttributes", MessageAttribute.md5Of(message.attributes()));
        }
        if (!out.has("MessageId")) {
            out.put("MessageId", s.messageId());
        }
        if (s.sequenceNumber() != null) {
            out.put("SequenceNumber", s.sequenceNumber());
        }
        return out;
    }

    ObjectNode sendBatch(AwsCall call) {
        String queue = address.queueOf(call);
        Map<String, String> attributes = SqsQueueActions.effective(queue, queues.existing(queue));
        List<JsonNode> entries = Batches.entries(call, "SendMessageBatchRequestEntry");
        long total = 0;
        for (JsonNode e : entries) {
            total += e.path("MessageBody").asText("").getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        if (total > OutgoingMessage.MAX_BYTES) {
            throw SqsErrors.batchTooLong(total, OutgoingMessage.MAX_BYTES);
        }
        ObjectNode out = NODES.objectNode();
        ArrayNode successful = out.putArray("Successful");
        ArrayNode failed = out.putArray("Failed");
        List<OutgoingMessage> good = new ArrayList<>();
        List<String> goodIds = new ArrayList<>();
        for (JsonNode e : entries) {
            try {
                good.add(OutgoingMessages.of(e, queue, attributes, call.traceHeader()));
                goodIds.add(e.get("Id").asText());
            } catch (AwsException ex) {
                failed.add(Batches.failure(e.get("Id").asText(), ex));
            }
        }
        List<SentMessage> sent = good.isEmpty() ? List.of() : backend.sendAll(queue, good);
        for (int i = 0; i < sent.size(); i++) {
            ObjectNode entry = successful.addObject();
            entry.put("Id", goodIds.get(i));
            sent(entry, good.get(i), sent.get(i));
        }
        return out;
    }

    ObjectNode receive(AwsCall call) {
        String queue = address.queueOf(call);
        Map<String, String> attributes = SqsQueueActions.effective(queue, queues.existing(queue));
        int max = Numbers.inRange(call.integer("MaxNumberOfMessages", 1), 1, 10, "MaxNumberOfMessages");
        int wait = Numbers.inRange(call.integer("WaitTimeSeconds",
                Integer.parseInt(attributes.get("ReceiveMessageWaitTimeSeconds"))), 0, 20, "WaitTimeSeconds");
        int visibility = Numbers.inRange(call.integer("VisibilityTimeout",
                Integer.parseInt(attributes.get("VisibilityTimeout"))), 0, 43_200, "VisibilityTimeout");
        ReceiveRequest request = ReceiveRequest.of(queue, max, Duration.ofSeconds(visibility));
        var redrive = QueueAttributes.redrive(attributes.get("RedrivePolicy"));
        if (redrive.isPresent()) {
            request = request.withRedrivePolicy(redrive.get());
        }
        List<String> systemNames = SqsQueueActions.texts(call.input().get("AttributeNames"));
        systemNames.addAll(SqsQueueActions.texts(call.input().get("MessageSystemAttributeNames")));
        List<String> attributeNames = SqsQueueActions.texts(call.input().get("MessageAttributeNames"));
        ObjectNode out = NODES.objectNode();
        List<ReceivedMessage> got = backend.receive(request, Duration.ofSeconds(wait));
        if (!got.isEmpty()) {
            ArrayNode messages = out.putArray("Messages");
            got.forEach(m -> messages.add(ReceivedMessages.toJson(m, systemNames, attributeNames)));
        }
        return out;
    }

    ObjectNode delete(AwsCall call) {
        String queue = address.queueOf(call);
        queues.existing(queue);
        String handle = call.required("ReceiptHandle");
        if (!ReceivedMessage.isReceiptHandle(handle)) {
            throw SqsErrors.invalidReceiptHandle(handle);
        }
        backend.delete(queue, List.of(handle)); // an outdated handle deletes nothing and is not an error, as on SQS
        return null;
    }

    ObjectNode deleteBatch(AwsCall call) {
        String queue = address.queueOf(call);
        queues.existing(queue);
        ObjectNode out = NODES.objectNode();
        ArrayNode successful = out.putArray("Successful");
        ArrayNode failed = out.putArray("Failed");
        List<String> handles = new ArrayList<>();
        for (JsonNode e : Batches.entries(call, "DeleteMessageBatchRequestEntry")) {
            String id = e.get("Id").asText();
            String handle = e.path("ReceiptHandle").asText("");
            if (ReceivedMessage.isReceiptHandle(handle)) {
                handles.add(handle);
                successful.addObject().put("Id", id);
            } else {
                failed.add(Batches.failure(id, SqsErrors.invalidReceiptHandle(handle)));
            }
        }
        backend.delete(queue, handles);
        return out;
    }

    ObjectNode changeVisibility(AwsCall call) {
        String queue = address.queueOf(call);
        queues.existing(queue);
        change(queue, call.required("ReceiptHandle"), call.input().get("VisibilityTimeout"));
        return null;
    }

    ObjectNode changeVisibilityBatch(AwsCall call) {
        String queue = address.queueOf(call);
        queues.existing(queue);
        ObjectNode out = NODES.objectNode();
        ArrayNode successful = out.putArray("Successful");
        ArrayNode failed = out.putArray("Failed");
        for (JsonNode e : Batches.entries(call, "ChangeMessageVisibilityBatchRequestEntry")) {
            String id = e.get("Id").asText();
            try {
                change(queue, e.path("ReceiptHandle").asText(""), e.get("VisibilityTimeout"));
                successful.addObject().put("Id", id);
            } catch (AwsException ex) {
                failed.add(Batches.failure(id, ex));
            }
        }
        return out;
    }

    private void change(String queue, String handle, JsonNode timeout) {
        if (timeout == null || timeout.isNull()) {
            throw AwsException.sender("MissingParameter", "The request must contain the parameter VisibilityTimeout.");
        }
        int seconds = Numbers.inRange(Numbers.integer(timeout, "VisibilityTimeout", 0), 0, 43_200, "VisibilityTimeout");
        if (!ReceivedMessage.isReceiptHandle(handle)) {
            throw SqsErrors.invalidReceiptHandle(handle);
        }
        if (backend.changeVisibility(queue, List.of(handle), Duration.ofSeconds(seconds)) == 0) {
            throw SqsErrors.notInFlight();
        }
    }

    /** The message attributes a receive asked for: All, .*, prefix.* or exact names. */
    static Map<String, MessageAttribute> selected(Map<String, MessageAttribute> all, List<String> names) {
        Map<String, MessageAttribute> out = new TreeMap<>();
        all.forEach((name, value) -> {
            for (String n : names) {
                if (n.equals("All") || n.equals(".*") || n.equals(name)
                        || (n.endsWith(".*") && name.startsWith(n.substring(0, n.length() - 1)))) {
                    out.put(name, value);
                    break;
                }
            }
        });
        return out;
    }
}
