package dev.localfaas.runtime.awsapi.sqs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.awsapi.AwsCall;
import dev.localfaas.runtime.trigger.queue.QueueBackend;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dead-letter queue redrive (StartMessageMoveTask, ListMessageMoveTasks): the store moves every dead letter back to
 * the queue it came from in one commit, so a task has completed by the time its handle is returned.
 */
final class SqsMoveTasks {
    private record Task(String handle, String sourceArn, long moved, long startedAt) {
    }

    private final QueueBackend backend;
    private final QueueAddress address;
    private final SqsQueueActions queues;
    private final Clock clock;
    private final Map<String, Task> lastBySource = new ConcurrentHashMap<>();

    SqsMoveTasks(QueueBackend backend, QueueAddress address, SqsQueueActions queues, Clock clock) {
        this.backend = backend;
        this.address = address;
        this.queues = queues;
        this.clock = clock;
    }

    ObjectNode start(AwsCall call) {
        String sourceArn = call.required("SourceArn");
        String dlq = QueueAddress.queueOfArn(sourceArn);
        if (dlq == null || backend.attributes(dlq).isEmpty()) {
            throw SqsErrors.resourceNotFound("The resource that you specified for the SourceArn parameter doesn't exist.");
        }
        if (queues.sourcesOf(dlq).isEmpty()) {
            throw SqsErrors.invalidParameter("Source queue must be configured as a Dead Letter Queue.");
        }
        String destination = call.text("DestinationArn");
        if (destination != null && !destination.isEmpty()) {
            throw SqsErrors.invalidParameter("localfaas moves dead letters back to the queues they came from only;"
                    + " leave out DestinationArn");
        }
        String handle = Base64.getEncoder().encodeToString(("{\"taskId\":\"" + UUID.randomUUID() + "\",\"sourceArn\":\""
                + sourceArn + "\"}").getBytes(StandardCharsets.UTF_8));
        long moved = backend.redrive(dlq);
        lastBySource.put(dlq, new Task(handle, sourceArn, moved, clock.millis()));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("TaskHandle", handle);
        return out;
    }

    ObjectNode list(AwsCall call) {
        String sourceArn = call.required("SourceArn");
        String dlq = QueueAddress.queueOfArn(sourceArn);
        if (dlq == null || backend.attributes(dlq).isEmpty()) {
            throw SqsErrors.resourceNotFound("The resource that you specified for the SourceArn parameter doesn't exist.");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode results = out.putArray("Results");
        Task t = lastBySource.get(dlq);
        if (t != null) {
            ObjectNode r = results.addObject();
            r.put("Status", "COMPLETED");
            r.put("SourceArn", t.sourceArn());
            r.put("ApproximateNumberOfMessagesMoved", t.moved());
            r.put("ApproximateNumberOfMessagesToMove", t.moved());
            r.put("StartedTimestamp", t.startedAt());
        }
        return out;
    }
}
