package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.localfaas.api.Function;
import dev.localfaas.api.TopicTrigger;

/**
 * The audit side of the order fan-out: subscribed to the {@code order-events} topic that {@code orders-rest}
 * publishes to, with a filter policy on the message body so that only orders over 100 reach it. Every other order
 * is filtered out by the topic and never invokes this function (see {@code faas topics}).
 *
 * <p>On AWS this is an SNS subscription of protocol {@code lambda} with {@code FilterPolicyScope: MessageBody};
 * SNS invokes the function asynchronously with the SNS event.
 */
@Function(name = "orders-audit")
@TopicTrigger(topic = "order-events", filterPolicyScope = "MessageBody",
        filterPolicy = "{\"order\": {\"amount\": [{\"numeric\": [\">\", 100]}]}}")
public class OrdersAudit implements RequestHandler<SNSEvent, Void> {

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        for (SNSEvent.SNSRecord record : event.getRecords()) {
            SNSEvent.SNS sns = record.getSNS();
            context.getLogger().log("orders-audit: large order in message " + sns.getMessageId() + " of "
                    + sns.getTopicArn() + ": " + sns.getMessage() + "\n");
        }
        return null;
    }
}
