package dev.localfaas.runtime.awsapi.sqs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.trigger.queue.MessageAttribute;
import dev.localfaas.runtime.trigger.queue.ReceivedMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A received message in ReceiveMessage's {@code Message} shape, with the attributes the call asked for. */
final class ReceivedMessages {
    private ReceivedMessages() {
    }

    static ObjectNode toJson(ReceivedMessage m, List<String> systemNames, List<String> attributeNames) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("MessageId", m.messageId());
        out.put("ReceiptHandle", m.receiptHandle());
        out.put("MD5OfBody", m.md5OfBody());
        out.put("Body", m.body());
        Map<String, String> system = system(m);
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        system.forEach((k, v) -> {
            if (systemNames.contains("All") || systemNames.contains(k)) {
                attributes.put(k, v);
            }
        });
        if (!attributes.isEmpty()) {
            out.set("Attributes", attributes);
        }
        Map<String, MessageAttribute> selected = SqsMessageActions.selected(m.attributes(), attributeNames);
        if (!selected.isEmpty()) {
            out.put("MD5OfMessageAttributes", MessageAttribute.md5Of(selected));
            ObjectNode values = out.putObject("MessageAttributes");
            selected.forEach((name, a) -> {
                ObjectNode v = values.putObject(name);
                if (a.isBinary()) {
                    v.put("BinaryValue", a.binaryValue());
                } else {
                    v.put("StringValue", a.stringValue());
                }
                v.put("DataType", a.dataType());
            });
        }
        return out;
    }

    private static Map<String, String> system(ReceivedMessage m) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("SenderId", m.senderId());
        s.put("SentTimestamp", Long.toString(m.sentAt()));
        s.put("ApproximateReceiveCount", Integer.toString(m.receiveCount()));
        s.put("ApproximateFirstReceiveTimestamp", Long.toString(m.firstReceiveAt()));
        if (m.groupId() != null) {
            s.put("MessageGroupId", m.groupId());
            String dedup = m.deduplicationId();
            s.put("MessageDeduplicationId", dedup == null ? "" : dedup.substring(dedup.indexOf('\u0000') + 1));
            s.put("SequenceNumber", m.sequenceNumber());
        }
        if (m.traceHeader() != null) {
            s.put("AWSTraceHeader", m.traceHeader()); // as SQS answers it when asked for AWSTraceHeader or All
        }
        return s;
    }
}
