package dev.localfaas.runtime.execution;

import java.time.Instant;

/**
 * The platform's log lines, exactly as Lambda writes them to CloudWatch (lambda-contract.md §6): a space before
 * {@code Version:}, tabs between REPORT fields. Lambda's {@code Max Memory Used} cannot be measured per function
 * in a shared JVM, so it is written as {@code n/a} with what we do measure beside it, labelled.
 */
final class PlatformLines {

    private PlatformLines() {
    }

    static String start(String requestId, String version) {
        return "START RequestId: " + requestId + " Version: " + version;
    }

    static String end(String requestId) {
        return "END RequestId: " + requestId;
    }

    static String report(String requestId, double durationMs, long billedMs, int memoryMb, long allocatedBytes,
                         double initMs, String status) {
        StringBuilder line = new StringBuilder(200)
                .append("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(twoDecimals(durationMs)).append(" ms")
                .append("\tBilled Duration: ").append(billedMs).append(" ms")
                .append("\tMemory Size: ").append(memoryMb).append(" MB")
                .append("\tMax Memory Used: n/a (thread allocated ").append(kilobytes(allocatedBytes)).append(" KB)");
        if (initMs > 0) {
            line.append("\tInit Duration: ").append(twoDecimals(initMs)).append(" ms");
        }
        if (status != null) {
            line.append("\tStatus: ").append(status);
        }
        return line.toString();
    }

    /** The REPORT line of an environment whose memory is measured (a runtime process): Lambda's own figure. */
    static String reportMeasured(String requestId, double durationMs, long billedMs, int memoryMb, long maxMemoryUsedMb,
                                 double initMs, String status) {
        StringBuilder line = new StringBuilder(200)
                .append("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(twoDecimals(durationMs)).append(" ms")
                .append("\tBilled Duration: ").append(billedMs).append(" ms")
                .append("\tMemory Size: ").append(memoryMb).append(" MB")
                .append("\tMax Memory Used: ").append(maxMemoryUsedMb).append(" MB");
        if (initMs > 0) {
            line.append("\tInit Duration: ").append(twoDecimals(initMs)).append(" ms");
        }
        if (status != null) {
            line.append("\tStatus: ").append(status);
        }
        return line.toString();
    }

    /** Lambda's line for an init phase that did not complete: {@code INIT_REPORT Init Duration: ... Status: timeout}. */
    static String initReport(double initMs, String status) {
        return "INIT_REPORT Init Duration: " + twoDecimals(initMs) + " ms\tPhase: init\tStatus: " + status;
    }

    static String timedOut(Instant at, String requestId, String message) {
        return at + " " + requestId + " " + message;
    }

    /** Lambda bills duration plus init, rounded up to the next millisecond. */
    static long billed(double durationMs, double initMs) {
        return (long) Math.ceil(durationMs + initMs - 1e-9);
    }

    /** {@code %.2f}, half-up, without a Formatter: this runs on every invocation. */
    static String twoDecimals(double value) {
        long hundredths = Math.round(value * 100);
        long whole = hundredths / 100;
        long fraction = Math.abs(hundredths % 100);
        return (hundredths < 0 && whole == 0 ? "-" : "") + whole + (fraction < 10 ? ".0" : ".") + fraction;
    }

    private static long kilobytes(long bytes) {
        return (bytes + 1023) / 1024;
    }
}
