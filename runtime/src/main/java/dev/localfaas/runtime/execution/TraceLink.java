package dev.localfaas.runtime.execution;

/**
 * How an invocation joins a trace: the header its trigger brought, and, when it came through a queue or a topic, that
 * hop and since when the message waited there.
 *
 * @param header      the caller's trace header ({@code Parent} is the segment that called or sent)
 * @param via         the hop between the caller and this invocation ({@code queue orders}, {@code topic orders}),
 *                    or null for a direct call
 * @param sinceMillis epoch ms when the message entered the hop (sent to the queue, published), or 0
 */
public record TraceLink(TraceHeader header, String via, long sinceMillis) {

    public TraceLink {
        if (header == null) {
            throw new IllegalArgumentException("a trace link needs a header");
        }
    }

    /** A direct call with this header, or a new trace when the header is absent or malformed. */
    public static TraceLink direct(String header) {
        return new TraceLink(TraceHeader.parse(header).orElseGet(TraceHeader::newRoot), null, 0);
    }

    /** A message that waited in {@code via} since {@code sinceMillis}; a new trace when it carried no header. */
    public static TraceLink via(String header, String via, long sinceMillis) {
        return new TraceLink(TraceHeader.parse(header).orElseGet(TraceHeader::newRoot), via, sinceMillis);
    }
}
