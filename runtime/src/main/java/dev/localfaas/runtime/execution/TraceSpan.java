package dev.localfaas.runtime.execution;

/**
 * Where one invocation sits in its trace.
 *
 * @param root        the trace id
 * @param id          this invocation's segment id (the {@code Parent} of what it calls or sends)
 * @param parent      the segment that called or sent to it, or null at the root
 * @param via         the queue or topic hop in between ({@code queue orders}), or null
 * @param sinceMillis when the message entered that hop (epoch ms), or 0
 */
public record TraceSpan(String root, String id, String parent, String via, long sinceMillis) {

    /** The span of an invocation that joins {@code link} (a new trace when null). */
    static TraceSpan of(TraceLink link) {
        TraceLink l = link == null ? new TraceLink(TraceHeader.newRoot(), null, 0) : link;
        return new TraceSpan(l.header().root(), TraceHeader.newSegmentId(), l.header().parent(), l.via(),
                l.sinceMillis());
    }

    /** The header the handler sees ({@code _X_AMZN_TRACE_ID}) and passes on to what it calls. */
    public String handlerHeader() {
        return "Root=" + root + ";Parent=" + id + ";Sampled=0";
    }
}
