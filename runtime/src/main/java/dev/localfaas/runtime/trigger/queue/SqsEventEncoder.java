package dev.localfaas.runtime.trigger.queue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes a batch as the SQS event Lambda delivers ({@code Records}, lambda-contract.md §7.4), field for field. */
final class SqsEventEncoder {
    private static final JsonFactory JSON = new JsonFactory();

    private final QueueSettings settings;

    SqsEventEncoder(QueueSettings settings) {
        this.settings = settings;
    }

    byte[] encode(String queue, List<ReceivedMessage> batch) {
        String arn = settings.queueArn(queue);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + batch.size() * 700);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("Records");
            for (ReceivedMessage m : batch) {
                writeRecord(g, m, arn);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void writeRecord(JsonGenerator g, ReceivedMessage m, String arn) throws IOException {
        g.writeStartObject();
        g.writeStringField("messageId", m.messageId());
        g.writeStringField("receiptHandle", m.receiptHandle());
        g.writeStringField("body", m.body());
        g.writeObjectFieldStart("attributes");
        // All attribute values are strings, timestamps in epoch milliseconds, as SQS sends them.
        g.writeStringField("ApproximateReceiveCount", Integer.toString(m.receiveCount()));
        g.writeStringField("SentTimestamp", Long.toString(m.sentAt()));
        g.writeStringField("SenderId", m.senderId());
        g.writeStringField("ApproximateFirstReceiveTimestamp", Long.toString(m.firstReceiveAt()));
        if (m.traceHeader() != null) {
            g.writeStringField("AWSTraceHeader", m.traceHeader());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("messageAttributes");
        for (Map.Entry<String, MessageAttribute> a : new TreeMap<>(m.attributes()).entrySet()) {
            g.writeObjectFieldStart(a.getKey());
            if (a.getValue().isBinary()) {
                g.writeStringField("binaryValue", a.getValue().binaryValue());
            } else {
                g.writeStringField("stringValue", a.getValue().stringValue());
            }
            g.writeArrayFieldStart("stringListValues");
            g.writeEndArray();
            g.writeArrayFieldStart("binaryListValues");
            g.writeEndArray();
            g.writeStringField("dataType", a.getValue().dataType());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeStringField("md5OfBody", m.md5OfBody());
        if (!m.attributes().isEmpty()) {
            g.writeStringField("md5OfMessageAttributes", AttributeCodec.md5(m.attributes()));
        }
        g.writeStringField("eventSource", "aws:sqs");
        g.writeStringField("eventSourceARN", arn);
        g.writeStringField("awsRegion", settings.region());
        g.writeEndObject();
    }
}
