package dev.localfaas.runtime.gateway.policy;

/**
 * API Gateway's throttle: a bucket of {@code burst} tokens refilled at {@code ratePerSecond}; a request takes one
 * token or is refused with 429. One bucket per stage (or route), shared by every caller, as the stage limit is.
 */
public final class TokenBucket {

    private final double ratePerSecond;
    private final double burst;
    private double tokens;
    private long refilledAt;

    public TokenBucket(double ratePerSecond, int burst) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("throttling needs a rate above 0 and a burst of at least 1, not rate "
                    + ratePerSecond + " burst " + burst);
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = System.nanoTime();
    }

    /** Takes a token if one is there. */
    public synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * ratePerSecond);
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    public String describe() {
        return "throttle rate " + ratePerSecond + "/s burst " + (int) burst;
    }
}
