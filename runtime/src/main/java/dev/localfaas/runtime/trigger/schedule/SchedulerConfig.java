package dev.localfaas.runtime.trigger.schedule;

import dev.localfaas.runtime.execution.RetryPolicy;
import java.util.function.Consumer;

/**
 * How the scheduler presents its events and reports trouble.
 *
 * @param region  the region in the event and the rule ARN
 * @param account the account in the event and the rule ARN
 * @param retries how failed firings are retried (Lambda's asynchronous policy: two retries, after 1 and 2 minutes)
 * @param log     where one-line notices go: final failures, warnings (AWS rejects {@code rate(1 second)}), skipped
 *                firings
 */
public record SchedulerConfig(String region, String account, RetryPolicy retries, Consumer<String> log) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT = "123456789012";

    /** us-east-1, account 123456789012, Lambda's retries, notices dropped. */
    public static SchedulerConfig defaults() {
        return new SchedulerConfig(DEFAULT_REGION, DEFAULT_ACCOUNT, RetryPolicy.LAMBDA_ASYNC, notice -> { });
    }

    public SchedulerConfig withAccount(String region, String account) {
        return new SchedulerConfig(region, account, retries, log);
    }

    public SchedulerConfig withRetries(RetryPolicy retries) {
        return new SchedulerConfig(region, account, retries, log);
    }

    public SchedulerConfig withLog(Consumer<String> log) {
        return new SchedulerConfig(region, account, retries, log);
    }
}
