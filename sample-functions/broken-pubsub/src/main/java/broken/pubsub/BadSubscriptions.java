package broken.pubsub;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.localfaas.api.AsyncInvokeConfig;
import dev.localfaas.api.BucketTrigger;
import dev.localfaas.api.EventRule;
import dev.localfaas.api.Function;
import dev.localfaas.api.QueueSubscription;
import dev.localfaas.api.TopicTrigger;
import java.util.Map;

/** Every publish/subscribe declaration here is one AWS would refuse. */
@Function(name = "bad-subscriptions")
@TopicTrigger(topic = "orders!")
@TopicTrigger(topic = "orders", filterPolicyScope = "Body")
@QueueSubscription(topic = "orders")
@EventRule(bus = "my bus", pattern = "{}")
@BucketTrigger(bucket = "Uploads")
@BucketTrigger(bucket = "uploads", events = "s3:ObjectCreated:Copy")
@AsyncInvokeConfig(maximumRetryAttempts = 3)
public class BadSubscriptions implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        return "never";
    }
}
