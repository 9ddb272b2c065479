package dev.localfaas.runtime.config;

/**
 * The local values intrinsics resolve to: ARNs in the emulator's region and account, queue URLs on its gateway, so
 * that what a template passes to a function (a queue URL in an environment variable) is what the emulator's own
 * APIs accept.
 *
 * @param endpoint the gateway's base URL, {@code http://127.0.0.1:3000}
 */
public record LocalNames(String region, String accountId, String endpoint, String stackName) {

    public String functionArn(String function) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + function;
    }

    public String queueArn(String queue) {
        return "arn:aws:sqs:" + region + ":" + accountId + ":" + queue;
    }

    public String queueUrl(String queue) {
        return endpoint + "/" + accountId + "/" + queue;
    }

    public String topicArn(String topic) {
        return "arn:aws:sns:" + region + ":" + accountId + ":" + topic;
    }

    public String ruleArn(String rule) {
        return "arn:aws:events:" + region + ":" + accountId + ":rule/" + rule;
    }

    public String roleArn(String role) {
        return "arn:aws:iam::" + accountId + ":role/" + role;
    }

    /** The last part of an ARN ({@code orders} from {@code arn:aws:sqs:...:orders}), or the text when it is none. */
    public static String nameInArn(String arnOrName) {
        if (!arnOrName.startsWith("arn:")) {
            int slash = arnOrName.lastIndexOf('/');
            return arnOrName.startsWith("http") && slash >= 0 ? arnOrName.substring(slash + 1) : arnOrName;
        }
        int colon = arnOrName.lastIndexOf(':');
        String tail = arnOrName.substring(colon + 1);
        int slash = tail.lastIndexOf('/');
        return slash >= 0 ? tail.substring(slash + 1) : tail;
    }
}
