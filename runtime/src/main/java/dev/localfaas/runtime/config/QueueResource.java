package dev.localfaas.runtime.config;

import dev.localfaas.runtime.config.yaml.Position;

/**
 * An {@code AWS::SQS::Queue} (or a Serverless Framework queue): its settings as the queue store takes them.
 *
 * @param deadLetterQueue the name of the queue RedrivePolicy moves messages to, "" for none
 * @param maxReceiveCount RedrivePolicy's maxReceiveCount, 0 for none
 */
public record QueueResource(String logicalId, String name, int visibilityTimeoutSeconds, int delaySeconds,
                            int messageRetentionSeconds, String deadLetterQueue, int maxReceiveCount,
                            Position position) {

    public static final int DEFAULT_VISIBILITY_TIMEOUT = 30;
    public static final int DEFAULT_RETENTION = 345_600;
}
