package dev.localfaas.runtime.gateway;

import java.time.Duration;

/**
 * How long the gateway waits for a slow or silent client before it closes the connection.
 *
 * @param requestParse how long a request's line and headers may take to arrive once they began (slowloris)
 * @param noRequest    how long an open connection may wait for its next request
 * @param bodyRead     how long a request body may take to arrive in full (a Content-Length longer than the body)
 * @param idle         how long a connection may see no traffic at all; longer than Lambda's 15-minute maximum
 *                     timeout, so that no function's run is cut by it
 */
public record ConnectionTimeouts(Duration requestParse, Duration noRequest, Duration bodyRead, Duration idle) {

    public ConnectionTimeouts {
        for (Duration d : new Duration[] {requestParse, noRequest, bodyRead, idle}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("connection timeouts must be positive, like 10s");
            }
        }
    }

    /** Headers within 10 s, next request within 60 s, body within 30 s, connection idle at most 16 minutes. */
    public static ConnectionTimeouts defaults() {
        return new ConnectionTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(30),
                Duration.ofMinutes(16));
    }
}
