package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.localfaas.api.Function;
import dev.localfaas.api.QueueSubscription;
import dev.localfaas.api.QueueTrigger;
import java.util.ArrayList;
import java.util.List;

/**
 * The back of the order pipeline: consumes the {@code orders} queue, which is subscribed (raw message delivery) to the
 * {@code order-events} topic that {@code orders-rest} publishes to, up to 5 messages
 * per invocation. A message it cannot process (here: any body containing "poison") is reported as a batch item
 * failure, so only that one comes back, after the visibility timeout; after its third receive it is moved to the
 * dead-letter queue {@code orders-dlq}, where it waits to be looked at and redriven.
 *
 * <p>The visibility timeout is short (5 s, at least the function's 3 s timeout, as SQS requires) so that a poison
 * message reaches the dead-letter queue about 10 s after it was sent. On AWS these settings live on the SQS queue
 * (visibility timeout, redrive policy), the event source mapping (batch size) and an SNS subscription of the queue
 * with RawMessageDelivery; the annotations are ignored there.
 */
@Function(name = "orders-worker", timeoutSeconds = 3)
@QueueTrigger(queue = "orders", batchSize = 5, maxReceiveCount = 3, deadLetterQueue = "orders-dlq",
        visibilityTimeoutSeconds = 5)
@QueueSubscription(topic = "order-events", rawMessageDelivery = true)
public class OrdersWorker implements RequestHandler<SQSEvent, SQSBatchResponse> {

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            String body = message.getBody() == null ? "" : message.getBody();
            if (body.contains("poison")) {
                String receives = message.getAttributes() == null ? "?"
                        : message.getAttributes().getOrDefault("ApproximateReceiveCount", "?");
                context.getLogger().log("orders-worker: cannot process message " + message.getMessageId()
                        + " (receive " + receives + "): " + body + "\n");
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            } else {
                context.getLogger().log("orders-worker: processed message " + message.getMessageId() + ": " + body + "\n");
            }
        }
        return new SQSBatchResponse(failures);
    }
}
