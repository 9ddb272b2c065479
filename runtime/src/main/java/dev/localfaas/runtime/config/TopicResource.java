package dev.localfaas.runtime.config;

import dev.localfaas.runtime.config.yaml.Position;

/** An {@code AWS::SNS::Topic}, kept for the topics issue. @param subscriptions as written, null when none */
public record TopicResource(String logicalId, String name, boolean fifo, Object subscriptions, Position position) {
}
