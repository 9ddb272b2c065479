package dev.localfaas.runtime.config;

import dev.localfaas.runtime.config.yaml.Position;

/**
 * An {@code AWS::SNS::Topic}: its name (TopicName, else the logical id), FifoTopic and ContentBasedDeduplication.
 *
 * @param subscriptions the inline {@code Subscription} list as written, null when none
 */
public record TopicResource(String logicalId, String name, boolean fifo, boolean contentBasedDeduplication,
                            Object subscriptions, Position position) {
}
