package dev.localfaas.runtime.execution;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the engine runs functions. Built once by the CLI (or a test) and passed in; nothing else reads the process
 * environment or system properties for these settings.
 *
 * @param functionsDir       where the deployment packages are
 * @param stateDir           where state lives ({@code usage.jsonl}, {@code queues.db}, JAR snapshots)
 * @param keepWarm           how long an idle execution environment is kept before it is closed
 * @param accountConcurrency the account-wide concurrency limit (Lambda's default is 1,000; 100 here)
 * @param region             region reported to functions and in ARNs
 * @param accountId          account id in ARNs
 * @param logSink            where invocation logs go, line by line
 * @param snapshotJars       copy each JAR before loading it, so that replacing it on disk never disturbs running code
 * @param initTimeout        how long an environment's init (class load, static init, constructor) may take: Lambda's
 *                           on-demand init phase is limited to 10 s; beyond it the invocation fails with an init error
 * @param abandonedLimit     how many timed-out handlers that ignore interruption a function may leave running (they
 *                           keep counting against its concurrency); beyond it the function is throttled
 */
public record RuntimeConfig(
        Path functionsDir,
        Path stateDir,
        Duration keepWarm,
        int accountConcurrency,
        String region,
        String accountId,
        LogSink logSink,
        boolean snapshotJars,
        Duration initTimeout,
        int abandonedLimit) {

    public static final Duration DEFAULT_KEEP_WARM = Duration.ofMinutes(10);
    public static final int DEFAULT_ACCOUNT_CONCURRENCY = 100;
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT = "123456789012";
    public static final Duration DEFAULT_INIT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_ABANDONED_LIMIT = 10;

    public RuntimeConfig {
        Objects.requireNonNull(functionsDir, "functionsDir");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(logSink, "logSink");
        if (keepWarm.isNegative() || keepWarm.isZero()) {
            throw new IllegalArgumentException("keep-warm must be positive, got " + keepWarm);
        }
        if (accountConcurrency < 1) {
            throw new IllegalArgumentException("account concurrency must be at least 1, got " + accountConcurrency);
        }
        if (initTimeout.isNegative() || initTimeout.isZero()) {
            throw new IllegalArgumentException("the init timeout must be positive, got " + initTimeout);
        }
        if (abandonedLimit < 0) {
            throw new IllegalArgumentException("the abandoned-handler limit must be 0 or more, got " + abandonedLimit);
        }
    }

    /** The defaults for a functions directory: state in {@code DIR/.faas}, 10 minutes keep-warm, 100 concurrent. */
    public static RuntimeConfig forDirectory(Path functionsDir) {
        return new RuntimeConfig(functionsDir, functionsDir.resolve(".faas"), DEFAULT_KEEP_WARM,
                DEFAULT_ACCOUNT_CONCURRENCY, DEFAULT_REGION, DEFAULT_ACCOUNT, LogSink.NONE, false,
                DEFAULT_INIT_TIMEOUT, DEFAULT_ABANDONED_LIMIT);
    }

    public RuntimeConfig withStateDir(Path dir) {
        return new RuntimeConfig(functionsDir, dir, keepWarm, accountConcurrency, region, accountId, logSink, snapshotJars,
                initTimeout, abandonedLimit);
    }

    public RuntimeConfig withKeepWarm(Duration d) {
        return new RuntimeConfig(functionsDir, stateDir, d, accountConcurrency, region, accountId, logSink, snapshotJars,
                initTimeout, abandonedLimit);
    }

    public RuntimeConfig withAccountConcurrency(int n) {
        return new RuntimeConfig(functionsDir, stateDir, keepWarm, n, region, accountId, logSink, snapshotJars,
                initTimeout, abandonedLimit);
    }

    public RuntimeConfig withLogSink(LogSink sink) {
        return new RuntimeConfig(functionsDir, stateDir, keepWarm, accountConcurrency, region, accountId, sink, snapshotJars,
                initTimeout, abandonedLimit);
    }

    public RuntimeConfig withSnapshotJars(boolean snapshot) {
        return new RuntimeConfig(functionsDir, stateDir, keepWarm, accountConcurrency, region, accountId, logSink, snapshot,
                initTimeout, abandonedLimit);
    }

    public RuntimeConfig withInitTimeout(Duration d) {
        return new RuntimeConfig(functionsDir, stateDir, keepWarm, accountConcurrency, region, accountId, logSink, snapshotJars,
                d, abandonedLimit);
    }

    public RuntimeConfig withAbandonedLimit(int n) {
        return new RuntimeConfig(functionsDir, stateDir, keepWarm, accountConcurrency, region, accountId, logSink, snapshotJars,
                initTimeout, n);
    }

    /** The ARN of a function, as Lambda forms it. */
    public String functionArn(String function) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + function;
    }
}
