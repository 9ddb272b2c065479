package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.localfaas.api.Function;
import dev.localfaas.api.QueueTrigger;
import java.util.ArrayList;
import java.util.List;

/**
 * A queue consumer: receives up to 5 messages of the "orders" queue per invocation and reports the ones it could not
 * process (here: any body containing "poison") as batch item failures, so only those are delivered again.
 */
@Function(name = "orders-worker")
@QueueTrigger(queue = "orders", batchSize = 5)
public class OrdersWorker implements RequestHandler<SQSEvent, SQSBatchResponse> {

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            String body = message.getBody() == null ? "" : message.getBody();
            if (body.contains("poison")) {
                context.getLogger().log("orders-worker: cannot process message " + message.getMessageId() + "\n");
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            } else {
                context.getLogger().log("orders-worker: processed message " + message.getMessageId() + ": " + body + "\n");
            }
        }
        return new SQSBatchResponse(failures);
    }
}
