package dev.localfaas.runtime.observe;

import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.function.EventSources;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.HttpRoute;
import dev.localfaas.runtime.function.QueueSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service map: functions, queues and topics as nodes, and the paths between them as edges — those the functions
 * declare (a queue trigger, a topic subscription, a dead-letter queue) and those traffic took (from the traces, with
 * how many messages or calls went that way).
 *
 * @param nodes ids {@code function:orders-rest}, {@code queue:orders}, {@code topic:order-events}, {@code http:POST /orders}
 */
public record ServiceMap(List<Node> nodes, List<Edge> edges) {

    public record Node(String id, String kind, String name) {
    }

    /** @param declared whether a function's configuration declares it; {@code traffic} counts what traces saw */
    public record Edge(String from, String to, boolean declared, long traffic) {
    }

    static ServiceMap of(List<FunctionSpec> functions, List<List<InvocationResult>> traces) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<String, long[]> traffic = new LinkedHashMap<>();
        Map<String, Boolean> declared = new HashMap<>();
        for (FunctionSpec f : functions) {
            String fn = node(nodes, "function", f.name());
            for (HttpRoute r : f.httpRoutes()) {
                declare(declared, node(nodes, "http", r.method() + " " + r.path()), fn);
            }
            for (QueueSpec q : f.queues()) {
                declare(declared, node(nodes, "queue", q.queue()), fn);
                if (q.deadLetterQueue() != null && !q.deadLetterQueue().isEmpty()) {
                    declare(declared, node(nodes, "queue", q.queue()), node(nodes, "queue", q.deadLetterQueue()));
                }
            }
            for (EventSources.TopicTriggerSpec t : f.events().topics()) {
                declare(declared, node(nodes, "topic", t.topic()), fn);
            }
            for (EventSources.QueueSubscriptionSpec s : f.events().queueSubscriptions()) {
                declare(declared, node(nodes, "topic", s.topic()), node(nodes, "queue", s.queue()));
            }
        }
        for (List<InvocationResult> trace : traces) {
            Map<String, String> functionOf = new HashMap<>();
            trace.forEach(r -> functionOf.put(r.trace().id(), r.function()));
            for (InvocationResult r : trace) {
                String to = node(nodes, "function", r.function());
                String from = r.trace().parent() == null ? null : functionOf.get(r.trace().parent());
                String via = r.trace().via();
                if (via != null) {
                    int space = via.indexOf(' ');
                    String hop = node(nodes, space < 0 ? via : via.substring(0, space), space < 0 ? "" : via.substring(space + 1));
                    count(traffic, hop, to);
                    if (from != null) {
                        count(traffic, "function:" + from, hop);
                    }
                } else if (from != null) {
                    count(traffic, "function:" + from, to);
                }
            }
        }
        List<Edge> edges = new ArrayList<>();
        declared.keySet().forEach(k -> {
            String[] ft = k.split("\n");
            long[] t = traffic.remove(k);
            edges.add(new Edge(ft[0], ft[1], true, t == null ? 0 : t[0]));
        });
        traffic.forEach((k, t) -> {
            String[] ft = k.split("\n");
            edges.add(new Edge(ft[0], ft[1], false, t[0]));
        });
        return new ServiceMap(List.copyOf(nodes.values()), edges);
    }

    private static String node(Map<String, Node> nodes, String kind, String name) {
        String id = kind + ":" + name;
        nodes.computeIfAbsent(id, i -> new Node(i, kind, name));
        return id;
    }

    private static void declare(Map<String, Boolean> declared, String from, String to) {
        declared.put(from + "\n" + to, true);
    }

    private static void count(Map<String, long[]> traffic, String from, String to) {
        traffic.computeIfAbsent(from + "\n" + to, k -> new long[1])[0]++;
    }
}
