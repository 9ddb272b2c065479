package dev.localfaas.cli;

import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.HttpRoute;
import dev.localfaas.runtime.function.QueueSpec;
import dev.localfaas.runtime.function.ScheduleSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The functions of a catalog as an aligned text table, one row per function. */
final class CatalogTable {

    private static final List<String> HEADER = List.of("NAME", "HANDLER", "MEMORY", "TIMEOUT", "CONCURRENCY", "TRIGGERS");

    private CatalogTable() {
    }

    static void print(PrintWriter out, List<FunctionSpec> functions) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (FunctionSpec f : functions) {
            rows.add(List.of(f.name(), f.handler(), f.memoryMb() + " MB", f.timeoutSeconds() + " s",
                    f.concurrency() == 0 ? "unreserved" : String.valueOf(f.concurrency()), triggers(f)));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                boolean last = i == row.size() - 1;
                line.append(last ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** Every trigger in one cell; a function without one is reached at its default route, as the gateway serves it. */
    static String triggers(FunctionSpec f) {
        List<String> triggers = new ArrayList<>();
        for (HttpRoute route : f.httpRoutes()) {
            triggers.add(route.routeKey());
        }
        for (ScheduleSpec schedule : f.schedules()) {
            triggers.add("schedule " + schedule.expression() + (schedule.enabled() ? "" : " (disabled)"));
        }
        for (QueueSpec queue : f.queues()) {
            triggers.add("queue " + queue.queue() + " (batch " + queue.batchSize() + ")");
        }
        f.events().topics().forEach(t -> triggers.add("topic " + t.topic() + (t.filterPolicy().isBlank() ? "" : " (filtered)")));
        f.events().queueSubscriptions().forEach(q -> triggers.add("queue " + q.queue() + " subscribed to topic " + q.topic()));
        f.events().rules().forEach(r -> triggers.add("rule on bus " + r.bus()));
        f.events().buckets().forEach(b -> triggers.add("bucket " + b.bucket()));
        f.events().kafka().forEach(k -> triggers.add("kafka " + String.join(",", k.topics()) + " (batch " + k.batchSize()
                + (k.enabled() ? ")" : ", disabled)")));
        return triggers.isEmpty() ? "ANY /" + f.name() + " (default)" : String.join(", ", triggers);
    }
}
