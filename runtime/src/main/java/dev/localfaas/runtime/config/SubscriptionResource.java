package dev.localfaas.runtime.config;

import dev.localfaas.runtime.config.yaml.Position;

/**
 * An {@code AWS::SNS::Subscription}, its references resolved: the topic's name and the endpoint's ARN.
 *
 * @param protocol          {@code sqs} or {@code lambda} (the ones localfaas delivers to), as written
 * @param endpoint          the queue's or function's ARN (from {@code !GetAtt Q.Arn} / {@code !GetAtt Fn.Arn})
 * @param filterPolicy      as written (a mapping, or a JSON string), null when none
 * @param filterPolicyScope {@code MessageAttributes} or {@code MessageBody}
 */
public record SubscriptionResource(String logicalId, String topic, String protocol, String endpoint,
                                   boolean rawMessageDelivery, Object filterPolicy, String filterPolicyScope,
                                   Position position) {
}
