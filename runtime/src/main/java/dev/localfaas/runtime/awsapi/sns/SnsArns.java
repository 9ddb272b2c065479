package dev.localfaas.runtime.awsapi.sns;

import dev.localfaas.runtime.trigger.delivery.Target;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ARNs SNS calls name: topics ({@code arn:aws:sns:REGION:ACCOUNT:NAME}), subscriptions (the topic's ARN and an
 * id), and the endpoints a subscription delivers to (a Lambda function or an SQS queue ARN).
 */
final class SnsArns {
    private static final Pattern TOPIC = Pattern.compile("arn:aws:sns:[a-z0-9-]+:\\d{12}:([A-Za-z0-9_.-]{1,256})");
    private static final Pattern SUBSCRIPTION = Pattern.compile("(arn:aws:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]{1,256}):"
            + "[0-9a-f-]{36}");
    private static final Pattern FUNCTION = Pattern.compile("arn:aws:lambda:[a-z0-9-]+:\\d{12}:function:([A-Za-z0-9_-]+)"
            + "(?::[A-Za-z0-9$_-]+)?");
    private static final Pattern QUEUE = Pattern.compile("arn:aws:sqs:[a-z0-9-]+:\\d{12}:([A-Za-z0-9_.-]{1,80})");

    private final String region;
    private final String account;

    SnsArns(String region, String account) {
        this.region = region;
        this.account = account;
    }

    String account() {
        return account;
    }

    /** The topic a {@code TopicArn} names; InvalidParameter when it is not a topic ARN. */
    static String topicOf(String arn, String member) {
        Matcher m = arn == null ? null : TOPIC.matcher(arn);
        if (m == null || !m.matches()) {
            throw SnsErrors.invalidParameter(member + " Reason: " + (arn == null ? "no value" : "'" + arn + "'")
                    + " is not a topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)");
        }
        return m.group(1);
    }

    /** Checks a {@code SubscriptionArn}'s form; InvalidParameter when it is not a subscription ARN. */
    static String subscription(String arn) {
        if (arn == null || !SUBSCRIPTION.matcher(arn).matches()) {
            throw SnsErrors.invalidParameter("SubscriptionArn Reason: '" + arn + "' is not a subscription ARN");
        }
        return arn;
    }

    /** The target an endpoint names for a protocol: {@code lambda} takes a function ARN, {@code sqs} a queue ARN. */
    static Target endpoint(String protocol, String endpoint) {
        if (protocol == null || protocol.isEmpty()) {
            throw SnsErrors.invalidParameter("Protocol Reason: give lambda or sqs");
        }
        Pattern pattern = switch (protocol) {
            case "lambda" -> FUNCTION;
            case "sqs" -> QUEUE;
            default -> throw SnsErrors.invalidParameter("Protocol Reason: " + protocol + " is not served by localfaas;"
                    + " subscribe a lambda function or an sqs queue");
        };
        Matcher m = endpoint == null ? null : pattern.matcher(endpoint);
        if (m == null || !m.matches()) {
            throw SnsErrors.invalidParameter("Endpoint Reason: '" + endpoint + "' is not " + (protocol.equals("lambda")
                    ? "a function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME)"
                    : "a queue ARN (arn:aws:sqs:REGION:ACCOUNT:NAME)"));
        }
        return protocol.equals("lambda") ? Target.function(m.group(1)) : Target.queue(m.group(1));
    }

    /** The protocol and endpoint ARN SNS lists for a target. */
    String protocol(Target target) {
        return target.isFunction() ? "lambda" : "sqs";
    }

    String endpoint(Target target) {
        return target.isFunction() ? "arn:aws:lambda:" + region + ":" + account + ":function:" + target.name()
                : "arn:aws:sqs:" + region + ":" + account + ":" + target.name();
    }
}
