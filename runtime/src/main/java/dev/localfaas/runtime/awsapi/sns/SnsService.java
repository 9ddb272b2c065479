package dev.localfaas.runtime.awsapi.sns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.awsapi.AwsCall;
import dev.localfaas.runtime.awsapi.AwsService;
import dev.localfaas.runtime.awsapi.QueryShapes;
import dev.localfaas.runtime.trigger.topic.Topics;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Amazon SNS over the query protocol (XML answers), on the topics of {@code faas run}: the same topics that
 * functions, templates and {@code faas publish} use, so a message published with {@code SnsClient} reaches every
 * subscribed function and queue.
 */
public final class SnsService implements AwsService {
    /** SNS actions localfaas answers with InvalidAction (named, so the error comes in SNS's shape). */
    private static final Set<String> UNSUPPORTED = Set.of("SetTopicAttributes", "ConfirmSubscription",
            "AddPermission", "RemovePermission", "TagResource", "UntagResource", "ListTagsForResource",
            "CreatePlatformApplication", "CreatePlatformEndpoint", "CheckIfPhoneNumberIsOptedOut", "ListPhoneNumbersOptedOut",
            "GetDataProtectionPolicy", "PutDataProtectionPolicy", "SetSMSAttributes", "GetSMSAttributes");

    private final Map<String, Function<AwsCall, ObjectNode>> actions;
    private final SnsQueryShapes shapes = new SnsQueryShapes();

    public SnsService(Topics topics, String region, String account) {
        SnsArns arns = new SnsArns(region, account);
        SnsTopicActions topicActions = new SnsTopicActions(topics, arns);
        SnsSubscriptionActions subscriptions = new SnsSubscriptionActions(topics, arns, topicActions);
        SnsPublishActions publish = new SnsPublishActions(topics, topicActions);
        this.actions = Map.ofEntries(
                Map.entry("CreateTopic", topicActions::create),
                Map.entry("ListTopics", topicActions::list),
                Map.entry("GetTopicAttributes", topicActions::getAttributes),
                Map.entry("DeleteTopic", topicActions::delete),
                Map.entry("Subscribe", subscriptions::subscribe),
                Map.entry("Unsubscribe", subscriptions::unsubscribe),
                Map.entry("ListSubscriptions", subscriptions::list),
                Map.entry("ListSubscriptionsByTopic", subscriptions::listByTopic),
                Map.entry("GetSubscriptionAttributes", subscriptions::getAttributes),
                Map.entry("SetSubscriptionAttributes", subscriptions::setAttributes),
                Map.entry("Publish", publish::publish),
                Map.entry("PublishBatch", publish::publishBatch));
    }

    @Override
    public String targetPrefix() {
        return "AmazonSimpleNotificationService";
    }

    @Override
    public String jsonContentType() {
        return "application/x-amz-json-1.0";
    }

    @Override
    public String errorTypePrefix() {
        return "com.amazonaws.sns";
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
        return SnsQueryShapes.fromQuery(parameters);
    }

    @Override
    public ObjectNode call(AwsCall call) {
        Function<AwsCall, ObjectNode> action = actions.get(call.action());
        if (action == null) {
            throw SnsErrors.unsupported(call.action());
        }
        return action.apply(call);
    }
}
