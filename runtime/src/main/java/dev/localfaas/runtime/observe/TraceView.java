package dev.localfaas.runtime.observe;

import dev.localfaas.runtime.execution.InvocationResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One trace as the waterfall draws it: rows in tree order, each an invocation or the queue/topic hop a message
 * waited in before the invocation that consumed it, with offsets from the trace's start.
 *
 * @param id      the trace id ({@code Root})
 * @param startMillis epoch ms of the earliest row
 * @param durationMs  from the earliest start to the latest end
 * @param rows    depth-first: a row's children follow it
 */
public record TraceView(String id, long startMillis, double durationMs, List<Row> rows) {

    /**
     * @param kind      {@code invocation}, {@code queue} or {@code topic}
     * @param name      the function, queue or topic
     * @param segment   the invocation's segment id (a hop has none)
     * @param parent    the segment that called or sent, or null
     * @param depth     nesting level in the tree, 0 at the root
     * @param offsetMs  start, from the trace's start
     * @param durationMs length (for a hop: how long the message waited)
     */
    public record Row(String kind, String name, String requestId, String segment, String parent, String trigger,
                      String outcome, boolean coldStart, double initMs, int depth, double offsetMs, double durationMs) {
    }

    /** A line of the trace list. */
    public record Summary(String id, long startMillis, double durationMs, int invocations, String first, List<String> functions,
                          boolean failed) {
    }

    static TraceView of(String id, List<InvocationResult> results) {
        long start = Long.MAX_VALUE;
        for (InvocationResult r : results) {
            long s = r.start().toEpochMilli() - Math.round(r.initMs()); // a cold start's init precedes its start
            if (r.trace().sinceMillis() > 0) {
                s = Math.min(s, r.trace().sinceMillis());
            }
            start = Math.min(start, s);
        }
        Map<String, List<InvocationResult>> children = new HashMap<>();
        Set<String> segments = new LinkedHashSet<>();
        results.forEach(r -> segments.add(r.trace().id()));
        List<InvocationResult> roots = new ArrayList<>();
        for (InvocationResult r : results) {
            String parent = r.trace().parent();
            if (parent != null && segments.contains(parent)) {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(r);
            } else {
                roots.add(r); // its caller was not traced here (a client outside, or a trace header sent by hand)
            }
        }
        List<Row> rows = new ArrayList<>();
        Comparator<InvocationResult> byStart = Comparator.comparing(InvocationResult::start);
        roots.sort(byStart);
        for (InvocationResult r : roots) {
            walk(r, 0, start, children, byStart, rows);
        }
        double end = 0;
        for (Row row : rows) {
            end = Math.max(end, row.offsetMs() + row.durationMs());
        }
        return new TraceView(id, start, end, List.copyOf(rows));
    }

    private static void walk(InvocationResult r, int depth, long start, Map<String, List<InvocationResult>> children,
                             Comparator<InvocationResult> byStart, List<Row> rows) {
        int d = depth;
        long began = r.start().toEpochMilli();
        if (r.trace().via() != null && r.trace().sinceMillis() > 0) {
            int space = r.trace().via().indexOf(' ');
            String kind = space < 0 ? r.trace().via() : r.trace().via().substring(0, space);
            String name = space < 0 ? "" : r.trace().via().substring(space + 1);
            rows.add(new Row(kind, name, null, null, r.trace().parent(), null, null, false, 0, d,
                    r.trace().sinceMillis() - start, Math.max(0, began - r.trace().sinceMillis())));
            d++;
        }
        // the handler starts after init; the row spans both, so a cold start shows as the longer bar
        double offset = began - start - r.initMs();
        rows.add(new Row("invocation", r.function(), r.requestId(), r.trace().id(), r.trace().parent(),
                r.trigger().id(), r.outcome().name().toLowerCase(java.util.Locale.ROOT), r.coldStart(), r.initMs(), d,
                Math.max(0, offset), r.durationMs() + r.initMs()));
        List<InvocationResult> kids = new ArrayList<>(children.getOrDefault(r.trace().id(), List.of()));
        kids.sort(byStart);
        for (InvocationResult k : kids) {
            walk(k, d + 1, start, children, byStart, rows);
        }
    }

    Summary summary() {
        List<String> functions = rows.stream().filter(r -> r.kind().equals("invocation")).map(Row::name).distinct().toList();
        long invocations = rows.stream().filter(r -> r.kind().equals("invocation")).count();
        boolean failed = rows.stream().anyMatch(r -> r.outcome() != null && !r.outcome().equals("ok"));
        String first = rows.isEmpty() ? "" : rows.get(0).trigger() + " " + rows.get(0).name();
        return new Summary(id, startMillis, durationMs, (int) invocations, first, functions, failed);
    }
}
