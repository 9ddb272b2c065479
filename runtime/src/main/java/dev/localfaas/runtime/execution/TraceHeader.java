package dev.localfaas.runtime.execution;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An X-Ray trace header, as API Gateway, SQS ({@code AWSTraceHeader}) and Lambda ({@code _X_AMZN_TRACE_ID}) carry it:
 * {@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0}.
 *
 * @param root    the trace id, {@code 1-<8 hex epoch seconds>-<24 hex random>}: every invocation a request led to
 *                shares it
 * @param parent  the 16-hex id of the segment (here: the invocation) that made this call, or null at the root
 * @param sampled {@code 0}, {@code 1} or {@code ?}; localfaas records every trace whatever it says
 */
public record TraceHeader(String root, String parent, String sampled) {

    public static final String HTTP_HEADER = "X-Amzn-Trace-Id";

    /** A header that starts a new trace. */
    public static TraceHeader newRoot() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String seconds = hex(System.currentTimeMillis() / 1000, 8);
        return new TraceHeader("1-" + seconds + "-" + hex(random.nextInt(), 8) + hex(random.nextLong(), 16), null, "0");
    }

    /** A new 16-hex segment id. */
    public static String newSegmentId() {
        return hex(ThreadLocalRandom.current().nextLong(), 16);
    }

    /** The low {@code digits} hex digits of {@code value}, zero-padded (String.format is too slow per invocation). */
    private static String hex(long value, int digits) {
        char[] out = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = Character.forDigit((int) (value & 0xF), 16);
            value >>>= 4;
        }
        return new String(out);
    }

    /**
     * Reads a header; empty when it has no well-formed {@code Root} (the caller then starts a new trace, as API
     * Gateway does with a malformed one). Keys are case-insensitive; unknown keys ({@code Self}, {@code Lineage}) are
     * ignored.
     */
    public static Optional<TraceHeader> parse(String header) {
        if (header == null || header.isBlank() || header.length() > 512) {
            return Optional.empty();
        }
        String root = null;
        String parent = null;
        String sampled = "0";
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (key.equalsIgnoreCase("Root") && value.matches("1-[0-9a-fA-F]{8}-[0-9a-fA-F]{24}")) {
                root = value.toLowerCase(java.util.Locale.ROOT);
            } else if (key.equalsIgnoreCase("Parent") && value.matches("[0-9a-fA-F]{16}")) {
                parent = value.toLowerCase(java.util.Locale.ROOT);
            } else if (key.equalsIgnoreCase("Sampled") && value.matches("[01?]")) {
                sampled = value;
            }
        }
        return root == null ? Optional.empty() : Optional.of(new TraceHeader(root, parent, sampled));
    }

    /** The same trace, called from segment {@code segmentId}: what that segment passes on to what it calls. */
    public TraceHeader from(String segmentId) {
        return new TraceHeader(root, segmentId, sampled);
    }

    @Override
    public String toString() {
        return "Root=" + root + (parent == null ? "" : ";Parent=" + parent) + ";Sampled=" + sampled;
    }
}
