package dev.localfaas.runtime.trigger.queue;

import java.util.List;

/**
 * The queues' gauges in the Prometheus text format, appended to {@code /_faas/metrics}: messages by state (depth) and
 * the age of the oldest message, the two figures a queue's alarms are built on.
 */
public final class QueueMetrics {

    private QueueMetrics() {
    }

    public static String render(List<QueueStats> queues, long nowMillis) {
        StringBuilder out = new StringBuilder();
        out.append("# HELP faas_queue_messages Messages in the queue by state (visible, in_flight, delayed).\n")
                .append("# TYPE faas_queue_messages gauge\n");
        for (QueueStats q : queues) {
            sample(out, "faas_queue_messages", q.name(), "state=\"visible\",", q.visible());
            sample(out, "faas_queue_messages", q.name(), "state=\"in_flight\",", q.inFlight());
            sample(out, "faas_queue_messages", q.name(), "state=\"delayed\",", q.delayed());
        }
        out.append("# HELP faas_queue_oldest_message_age_seconds Age of the oldest message in the queue, 0 when empty.\n")
                .append("# TYPE faas_queue_oldest_message_age_seconds gauge\n");
        for (QueueStats q : queues) {
            sample(out, "faas_queue_oldest_message_age_seconds", q.name(), "", q.oldestAgeSeconds(nowMillis));
        }
        return out.toString();
    }

    private static void sample(StringBuilder out, String metric, String queue, String labels, long value) {
        out.append(metric).append('{').append(labels).append("queue=\"")
                .append(queue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append("\"} ")
                .append(value).append('\n');
    }
}
