package dev.localfaas.runtime.trigger.bus;

import dev.localfaas.runtime.trigger.delivery.DeliveryCounts;
import java.util.List;

/**
 * A rule as {@code faas rules} and {@code GET /_faas/rules} show it. A schedule is a rule too: its
 * {@code scheduleExpression} is set and its pattern empty, as on EventBridge.
 */
public record RuleInfo(String bus, String name, String arn, String pattern, String scheduleExpression,
                       List<String> targets, String declaredBy, DeliveryCounts.Snapshot counts) {
}
