package dev.localfaas.runtime.metering;

import java.time.Duration;

/**
 * When {@code usage.jsonl} is closed as a segment and a fresh file begun, and how long segments are kept. Segments
 * are named {@code usage-<UTC time>-<pid>.jsonl} beside it; {@code faas report} reads them and the live file as
 * one ledger.
 *
 * @param maxBytes  a file about to grow past this many bytes is rotated first
 * @param daily     whether a new UTC day also begins a new file
 * @param retention segments last written longer ago than this are deleted (at open and at each rotation)
 */
public record LedgerRotation(long maxBytes, boolean daily, Duration retention) {

    public LedgerRotation {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("usage ledger segments must be at least 1024 bytes, not " + maxBytes);
        }
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("usage retention must be positive, like 90d");
        }
    }

    /** 64 MiB or a new UTC day, whichever comes first; segments kept 90 days. */
    public static LedgerRotation defaults() {
        return new LedgerRotation(64L << 20, true, Duration.ofDays(90));
    }

    public LedgerRotation withRetention(Duration retention) {
        return new LedgerRotation(maxBytes, daily, retention);
    }
}
