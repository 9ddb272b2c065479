package dev.localfaas.runtime.awsapi.sqs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.awsapi.AwsCall;
import dev.localfaas.runtime.awsapi.AwsService;
import dev.localfaas.runtime.awsapi.QueryShapes;
import dev.localfaas.runtime.trigger.queue.QueueBackend;
import dev.localfaas.runtime.trigger.queue.QueueRequestException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Amazon SQS on the queue store that queue triggers consume: a message sent here is delivered to the queue's
 * function. Both wire protocols: AWS JSON 1.0 ({@code X-Amz-Target: AmazonSQS.*}, query-compatible errors) and the
 * query protocol with XML answers.
 */
public final class SqsService implements AwsService {
    /** Actions SQS has that localfaas answers with UnsupportedOperation (named, so query clients get that error). */
    private static final Set<String> UNSUPPORTED = Set.of("AddPermission", "RemovePermission", "TagQueue",
            "UntagQueue", "ListQueueTags", "CancelMessageMoveTask");

    private final Map<String, Function<AwsCall, ObjectNode>> actions;
    private final SqsQueryShapes shapes = new SqsQueryShapes();

    public SqsService(QueueBackend backend, String region, String account) {
        this(backend, region, account, Clock.systemUTC());
    }

    SqsService(QueueBackend backend, String region, String account, Clock clock) {
        QueueAddress address = new QueueAddress(region, account);
        SqsQueueActions queues = new SqsQueueActions(backend, address, clock);
        SqsMessageActions messages = new SqsMessageActions(backend, address, queues);
        SqsMoveTasks moves = new SqsMoveTasks(backend, address, queues, clock);
        this.actions = Map.ofEntries(
                Map.entry("CreateQueue", queues::create),
                Map.entry("GetQueueUrl", queues::getUrl),
                Map.entry("ListQueues", queues::list),
                Map.entry("GetQueueAttributes", queues::getAttributes),
                Map.entry("SetQueueAttributes", queues::setAttributes),
                Map.entry("DeleteQueue", queues::delete),
                Map.entry("PurgeQueue", queues::purge),
                Map.entry("ListDeadLetterSourceQueues", queues::deadLetterSources),
                Map.entry("SendMessage", messages::send),
                Map.entry("SendMessageBatch", messages::sendBatch),
                Map.entry("ReceiveMessage", messages::receive),
                Map.entry("DeleteMessage", messages::delete),
                Map.entry("DeleteMessageBatch", messages::deleteBatch),
                Map.entry("ChangeMessageVisibility", messages::changeVisibility),
                Map.entry("ChangeMessageVisibilityBatch", messages::changeVisibilityBatch),
                Map.entry("StartMessageMoveTask", moves::start),
                Map.entry("ListMessageMoveTasks", moves::list));
    }

    @Override
    public String targetPrefix() {
        return "AmazonSQS";
    }

    @Override
    public String jsonContentType() {
        return "application/x-amz-json-1.0";
    }

    @Override
    public String errorTypePrefix() {
        return "com.amazonaws.sqs";
    }

    @Override
    public boolean queryCompatible() {
        return true;
    }

    @Override
    public boolean servesQueryAction(String action) {
        return actions.containsKey(action) || UNSUPPORTED.contains(action);
    }

    @Override
    public QueryShapes queryShapes() {
        return shapes;
    }

    @Override
    public ObjectNode fromQuery(ObjectNode parameters) {
        return SqsQueryShapes.fromQuery(parameters);
    }

    @Override
    public ObjectNode call(AwsCall call) {
        Function<AwsCall, ObjectNode> action = actions.get(call.action());
        if (action == null) {
            if (UNSUPPORTED.contains(call.action())) {
                throw SqsErrors.unsupported(call.action());
            }
            throw new dev.localfaas.runtime.awsapi.AwsException("UnknownOperationException", "InvalidAction", 400, true,
                    "The action " + call.action() + " is not valid for this endpoint.");
        }
        try {
            return action.apply(call);
        } catch (QueueRequestException e) {
            throw SqsErrors.invalidParameter(e.getMessage());
        }
    }
}
