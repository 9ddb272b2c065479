package dev.localfaas.runtime.execution;

import java.time.Duration;
import java.util.List;

/**
 * How an asynchronous invocation is retried after a function error or timeout: Lambda retries twice, about one
 * minute and then about two minutes later. Tests and impatient users pass shorter delays.
 */
public record RetryPolicy(List<Duration> delays) {

    public static final RetryPolicy LAMBDA_ASYNC = new RetryPolicy(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2)));
    public static final RetryPolicy NONE = new RetryPolicy(List.of());

    public RetryPolicy {
        delays = List.copyOf(delays);
    }

    public int maxRetries() {
        return delays.size();
    }
}
