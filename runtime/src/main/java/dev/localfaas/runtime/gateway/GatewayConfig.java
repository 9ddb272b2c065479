package dev.localfaas.runtime.gateway;

import dev.localfaas.runtime.execution.RetryPolicy;
import java.time.Duration;

/**
 * How the gateway listens and behaves.
 *
 * @param host             interface to bind ({@code 127.0.0.1}: only this machine)
 * @param port             TCP port; 0 picks a free one ({@link Gateway#port()} tells which)
 * @param maxBodyBytes     largest request body; Lambda's synchronous payload limit is 6,291,456 bytes
 * @param maxAsyncBodyBytes largest payload of an {@code Event} invocation; Lambda's asynchronous limit is 1 MB
 * @param region           region in ARNs and error messages
 * @param account          account id in ARNs and events
 * @param workerThreads    threads that run function invocations; each running invocation holds one, so this
 *                         bounds how many requests run at once (more wait in line)
 * @param drainTimeout     how long {@link Gateway#stop()} waits for requests in flight
 * @param asyncRetryPolicy retries of {@code Event} invocations that fail ({@link RetryPolicy#LAMBDA_ASYNC})
 * @param access           Host names accepted and the admin token ({@link AccessPolicy#defaults()})
 * @param timeouts         when a slow or silent client's connection is closed ({@link ConnectionTimeouts#defaults()})
 */
public record GatewayConfig(
        String host,
        int port,
        long maxBodyBytes,
        long maxAsyncBodyBytes,
        String region,
        String account,
        int workerThreads,
        Duration drainTimeout,
        RetryPolicy asyncRetryPolicy,
        AccessPolicy access,
        ConnectionTimeouts timeouts) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3000;
    public static final long LAMBDA_SYNC_PAYLOAD_BYTES = 6_291_456;
    public static final long LAMBDA_ASYNC_PAYLOAD_BYTES = 1_048_576;
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT = "123456789012";

    public GatewayConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty; use 127.0.0.1 for this machine only");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not a TCP port; use 1-65535, or 0 for a free one");
        }
        if (maxBodyBytes <= 0 || maxAsyncBodyBytes <= 0 || workerThreads <= 0) {
            throw new IllegalArgumentException("body limits and worker threads must be positive");
        }
        if (!account.matches("\\d{12}")) {
            throw new IllegalArgumentException("account '" + account + "' must be 12 digits, like 000000000000");
        }
        if (drainTimeout == null || drainTimeout.isNegative()) {
            throw new IllegalArgumentException("drain timeout must be zero or more");
        }
        if (access == null || timeouts == null) {
            throw new IllegalArgumentException("access policy and connection timeouts must be given");
        }
    }

    /** 127.0.0.1:3000, Lambda's payload limits, us-east-1, account 123456789012 (as the engine's defaults), 256 workers, 10 s drain. */
    public static GatewayConfig defaults() {
        return new GatewayConfig(DEFAULT_HOST, DEFAULT_PORT, LAMBDA_SYNC_PAYLOAD_BYTES, LAMBDA_ASYNC_PAYLOAD_BYTES,
                DEFAULT_REGION, DEFAULT_ACCOUNT, 256, Duration.ofSeconds(10), RetryPolicy.LAMBDA_ASYNC, AccessPolicy.defaults(),
                ConnectionTimeouts.defaults());
    }

    public GatewayConfig withHost(String host) {
        return new GatewayConfig(host, port, maxBodyBytes, maxAsyncBodyBytes, region, account, workerThreads,
                drainTimeout, asyncRetryPolicy, access, timeouts);
    }

    public GatewayConfig withPort(int port) {
        return new GatewayConfig(host, port, maxBodyBytes, maxAsyncBodyBytes, region, account, workerThreads,
                drainTimeout, asyncRetryPolicy, access, timeouts);
    }

    public GatewayConfig withAccount(String region, String account) {
        return new GatewayConfig(host, port, maxBodyBytes, maxAsyncBodyBytes, region, account, workerThreads,
                drainTimeout, asyncRetryPolicy, access, timeouts);
    }

    public GatewayConfig withWorkerThreads(int workerThreads) {
        return new GatewayConfig(host, port, maxBodyBytes, maxAsyncBodyBytes, region, account, workerThreads,
                drainTimeout, asyncRetryPolicy, access, timeouts);
    }

    public GatewayConfig withDrainTimeout(Duration drainTimeout) {
        return new GatewayConfig(host, port, maxBodyBytes, maxAsyncBodyBytes, region, account, workerThreads,
                drainTimeout, asyncRetryPolicy, access, timeouts);
    }

    public GatewayConfig withAsyncRetryPolicy(RetryPolicy asyncRetryPolicy) {
        return new GatewayConfig(host, port, maxBodyBytes, maxAsyncBodyBytes, region, account, workerThreads,
                drainTimeout, asyncRetryPolicy, access, timeouts);
    }

    public GatewayConfig withAccess(AccessPolicy access) {
        return new GatewayConfig(host, port, maxBodyBytes, maxAsyncBodyBytes, region, account, workerThreads,
                drainTimeout, asyncRetryPolicy, access, timeouts);
    }

    public GatewayConfig withTimeouts(ConnectionTimeouts timeouts) {
        return new GatewayConfig(host, port, maxBodyBytes, maxAsyncBodyBytes, region, account, workerThreads,
                drainTimeout, asyncRetryPolicy, access, timeouts);
    }
}
