package dev.localfaas.runtime.trigger.topic;

import dev.localfaas.runtime.trigger.delivery.DeliveryCounts;
import java.util.List;

/** A topic as {@code faas topics} and {@code GET /_faas/topics} show it. */
public record TopicInfo(String name, String arn, boolean fifo, boolean contentBasedDeduplication, long published,
                        List<Sub> subscriptions) {

    /** One subscription with its counts; {@code declaredBy} names the function or option that declared it. */
    public record Sub(String arn, String target, String filterPolicy, String filterPolicyScope, boolean rawMessageDelivery,
                      String declaredBy, DeliveryCounts.Snapshot counts) {
    }
}
