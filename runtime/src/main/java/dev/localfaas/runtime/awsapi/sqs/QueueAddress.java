package dev.localfaas.runtime.awsapi.sqs;

import dev.localfaas.runtime.awsapi.AwsCall;
import dev.localfaas.runtime.trigger.queue.QueueNames;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Queue URLs ({@code http://127.0.0.1:3000/123456789012/orders}) and ARNs ({@code arn:aws:sqs:REGION:ACCOUNT:NAME}). */
final class QueueAddress {
    private static final Pattern URL_PATH = Pattern.compile("(?:[a-z]+://[^/]+)?/(\\d{12})/([^/?]+)/?");
    private static final Pattern ARN = Pattern.compile("arn:aws:sqs:[^:]*:\\d{12}:([^:]+)");

    private final String region;
    private final String account;

    QueueAddress(String region, String account) {
        this.region = region;
        this.account = account;
    }

    String url(String baseUrl, String queue) {
        return baseUrl + "/" + account + "/" + queue;
    }

    String arn(String queue) {
        return "arn:aws:sqs:" + region + ":" + account + ":" + queue;
    }

    /** The queue a call addresses: its {@code QueueUrl}, else (query protocol) the path it was posted to. */
    String queueOf(AwsCall call) {
        String url = call.text("QueueUrl");
        if (url == null || url.isEmpty()) {
            if (URL_PATH.matcher(call.path()).matches()) {
                url = call.path();
            } else {
                call.required("QueueUrl");
            }
        }
        Matcher m = URL_PATH.matcher(url);
        if (!m.matches() || QueueNames.problem(m.group(2)) != null) {
            throw SqsErrors.invalidAddress(url);
        }
        return m.group(2);
    }

    /** The queue an ARN names, or null when it is not an SQS queue ARN. */
    static String queueOfArn(String arn) {
        Matcher m = arn == null ? null : ARN.matcher(arn);
        return m != null && m.matches() ? m.group(1) : null;
    }
}
