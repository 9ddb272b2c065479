package dev.localfaas.runtime.config;

import dev.localfaas.runtime.config.yaml.Position;

/** An {@code AWS::Events::Rule}, kept for the event-bus issue: pattern or schedule, bus and targets as written. */
public record RuleResource(String logicalId, String name, String eventBus, Object eventPattern,
                           String scheduleExpression, Object targets, Position position) {
}
