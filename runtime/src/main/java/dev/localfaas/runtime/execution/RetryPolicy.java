package dev.localfaas.runtime.execution;

import java.time.Duration;
import java.util.List;

/**
 * How an asynchronous invocation is retried, as Lambda retries them: after a function error or timeout, twice, about
 * one minute and then about two minutes later ({@code delays}); after a throttle, again and again with a backoff that
 * starts at {@code throttleBackoff} and doubles up to five minutes, until the event is {@code maxEventAge} old (six
 * hours). Tests and impatient users pass shorter delays.
 */
public record RetryPolicy(List<Duration> delays, Duration throttleBackoff, Duration maxEventAge) {

    public static final Duration MAX_THROTTLE_BACKOFF = Duration.ofMinutes(5);
    public static final RetryPolicy LAMBDA_ASYNC = new RetryPolicy(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2)));
    public static final RetryPolicy NONE = new RetryPolicy(List.of());

    public RetryPolicy {
        delays = List.copyOf(delays);
        if (throttleBackoff.isNegative() || throttleBackoff.isZero()) {
            throw new IllegalArgumentException("the throttle backoff must be positive, got " + throttleBackoff);
        }
    }

    /** Lambda's throttle backoff (from 1 s) and event age (6 h) with these retry delays. */
    public RetryPolicy(List<Duration> delays) {
        this(delays, Duration.ofSeconds(1), Duration.ofHours(6));
    }

    public RetryPolicy withThrottleBackoff(Duration first) {
        return new RetryPolicy(delays, first, maxEventAge);
    }

    public int maxRetries() {
        return delays.size();
    }

    /** The wait before the next attempt of a throttled event that waited {@code previous} last time. */
    Duration nextThrottleBackoff(Duration previous) {
        Duration doubled = previous == null ? throttleBackoff : previous.multipliedBy(2);
        return doubled.compareTo(MAX_THROTTLE_BACKOFF) > 0 ? MAX_THROTTLE_BACKOFF : doubled;
    }
}
