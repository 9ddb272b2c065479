package dev.localfaas.runtime.awsapi.events;

import dev.localfaas.runtime.awsapi.AwsCall;
import dev.localfaas.runtime.trigger.bus.EventBuses;
import dev.localfaas.runtime.trigger.delivery.Target;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bus names (or ARNs), rule names and target ARNs as EventBridge calls give them. */
final class EventBridgeNames {
    private static final Pattern BUS_ARN = Pattern.compile("arn:aws:events:[a-z0-9-]+:\\d{12}:event-bus/([A-Za-z0-9._/-]+)");
    private static final Pattern NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");
    private static final Pattern FUNCTION = Pattern.compile("arn:aws:lambda:[a-z0-9-]+:\\d{12}:function:([A-Za-z0-9_-]+)"
            + "(?::[A-Za-z0-9$_-]+)?");
    private static final Pattern QUEUE = Pattern.compile("arn:aws:sqs:[a-z0-9-]+:\\d{12}:([A-Za-z0-9_.-]{1,80})");

    private final String region;
    private final String account;

    EventBridgeNames(String region, String account) {
        this.region = region;
        this.account = account;
    }

    /** The bus a call's {@code member} names (a name or an ARN); {@code default} when absent. */
    static String bus(AwsCall call, String member) {
        String value = call.text(member);
        if (value == null || value.isEmpty()) {
            return EventBuses.DEFAULT;
        }
        Matcher m = BUS_ARN.matcher(value);
        return m.matches() ? m.group(1) : value;
    }

    /** A rule or target name; ValidationException naming the member when it breaks EventBridge's pattern. */
    static String name(AwsCall call, String member) {
        String value = call.text(member);
        return checkedName(value, member);
    }

    static String checkedName(String value, String member) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw EventBridgeErrors.validation("1 validation error detected: Value '" + value + "' at '"
                    + Character.toLowerCase(member.charAt(0)) + member.substring(1) + "' failed to satisfy constraint:"
                    + " Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+ (1 to 64 characters)");
        }
        return value;
    }

    /** The function or queue a target ARN names. */
    static Target target(String arn) {
        Matcher f = arn == null ? null : FUNCTION.matcher(arn);
        if (f != null && f.matches()) {
            return Target.function(f.group(1));
        }
        Matcher q = arn == null ? null : QUEUE.matcher(arn);
        if (q != null && q.matches()) {
            return Target.queue(q.group(1));
        }
        throw EventBridgeErrors.validation("Target Arn '" + arn + "' is not served by localfaas; give a Lambda"
                + " function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME) or an SQS queue ARN");
    }

    String arn(Target target) {
        return target.isFunction() ? "arn:aws:lambda:" + region + ":" + account + ":function:" + target.name()
                : "arn:aws:sqs:" + region + ":" + account + ":" + target.name();
    }
}
