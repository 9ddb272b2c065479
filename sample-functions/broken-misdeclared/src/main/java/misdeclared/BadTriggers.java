package misdeclared;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.localfaas.api.Function;
import dev.localfaas.api.HttpTrigger;
import dev.localfaas.api.QueueTrigger;
import dev.localfaas.api.ScheduleTrigger;
import java.util.Map;

/** Every trigger here is one that cannot be served: a bad method, a relative path, no expression, a bad queue. */
@Function(name = "bad-triggers")
@HttpTrigger(method = "FETCH", path = "/things")
@HttpTrigger(method = "GET", path = "things/{id}")
@ScheduleTrigger("every minute")
@QueueTrigger(queue = "orders!", batchSize = 50, maxReceiveCount = -1, deadLetterQueue = "dead letters",
        visibilityTimeoutSeconds = -1)
public class BadTriggers implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        return "never";
    }
}
